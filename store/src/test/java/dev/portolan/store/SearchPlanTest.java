package dev.portolan.store;

import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.search.SearchRequest;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.StoreTest;
import dev.portolan.store.testing.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.portolan.store.Fixtures.blueprint;
import static dev.portolan.store.Fixtures.entity;
import static dev.portolan.store.Q.and;
import static dev.portolan.store.Q.rule;
import static dev.portolan.store.StoreReads.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Searches on a blueprint's scalar properties run on that property's partial expression index. */
class SearchPlanTest {

    private static void load(TestDatabase database) {
        try (CatalogStore store = database.openStore()) {
            Fixtures.insertBlueprints(store, blueprint("other", "{'name': {'type': 'string'}}", Map.of()),
                    blueprint("service", "{'name': {'type': 'string'}, 'tier': {'type': 'number'}}", Map.of()));
            Fixtures.insert(store, IntStream.range(0, 400)
                    .mapToObj(i -> entity(i % 4 == 0 ? "other" : "service", "e" + i, "{'name': 'n" + i + "', 'tier': " + i + "}"))
                    .toArray(Entity[]::new));
        }
    }

    @StoreTest
    void equalityOnAScalarPropertyUsesItsIndex(TestDatabase database) throws SQLException {
        load(database);
        String plan = plan(database, new SearchRequest("service", and(rule("name", "=", "'n7'")), 50, null));
        assertThat(plan).contains(indexName(database, "service", "name"));
    }

    /**
     * PostgreSQL only: SQLite's planner, without STAT4 histograms, rates a one-sided range as
     * unselective and rightly prefers walking the primary key in result order.
     */
    @StoreTest
    void rangesOnANumberPropertyUseItsIndexOnPostgresql(TestDatabase database) throws SQLException {
        assumeTrue(database.dialect().equals("postgresql"), "ranges are left to SQLite's planner");
        load(database);
        String plan = plan(database, new SearchRequest("service", and(rule("tier", ">", "390")), 50, null));
        assertThat(plan).contains(indexName(database, "service", "tier"));
    }

    @StoreTest
    void inListsUseTheIndexToo(TestDatabase database) throws SQLException {
        load(database);
        String plan = plan(database, new SearchRequest("service", and(rule("tier", "in", "[5, 6, 7]")), 50, null));
        assertThat(plan).contains(indexName(database, "service", "tier"));
    }

    /**
     * The search box's {@code contains} on title and identifier: SQLite's FTS5 table serves every
     * blueprint; on PostgreSQL the first such search of a blueprint builds its trigram indexes
     * (TextIndexes), partial to it, and only then does a blueprint's writes keep trigrams.
     */
    @StoreTest
    void titleAndIdentifierSearchesUseATrigramIndexBuiltOnFirstUse(TestDatabase database) throws SQLException {
        load(database);
        String trigramIndexes = "SELECT indexdef FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%'";
        SearchRequest searchBox = new SearchRequest("service", Q.or(Q.text("$title", "contains", "E12"),
                Q.text("$identifier", "contains", "e12")), 50, null);
        if (database.dialect().equals("postgresql")) {
            assertThat(strings(database, trigramIndexes)).isEmpty();
        }
        String plan = plan(database, searchBox);
        if (database.dialect().equals("sqlite")) {
            assertThat(plan).contains("entity_text VIRTUAL TABLE");
            assertThat(indexedProperties(database)).as("one FTS5 table serves every blueprint").isEmpty();
        } else {
            assertThat(indexedProperties(database)).containsExactlyInAnyOrder("$title:text", "$identifier:text");
            // A few hundred rows are cheaper to read in key order than through any index: check the indexes
            // are there and are the blueprint's (the catalog page benchmark shows them used at a million rows).
            assertThat(strings(database, trigramIndexes)).hasSize(2)
                    .allSatisfy(ddl -> assertThat(ddl).contains("WHERE (blueprint = 'service'"))
                    .anySatisfy(ddl -> assertThat(ddl).contains("(title gin_trgm_ops)"))
                    .anySatisfy(ddl -> assertThat(ddl).contains("(lower(identifier) gin_trgm_ops)"));
            try (CatalogStore store = database.openStore()) {
                assertThat(store.<Boolean>read(tx -> tx.hasIndexesFor(searchBox))).isTrue();
                store.write(tx -> {
                    tx.deleteBlueprint("service");
                    return null;
                });
            }
            assertThat(strings(database, trigramIndexes)).as("they go with their blueprint").isEmpty();
        }
    }

    /**
     * pg_trgm's GIN operator class answers {@code =} too: on the bare column the planner could read the
     * trigrams for the store's own {@code identifier IN (...)} look-ups (seconds for a thousand commit ids).
     * On lower(identifier) (PostgresDialect#createTextIndex) only the search box's LIKE reaches it.
     */
    @StoreTest
    void identifierLookUpsCannotUseTheTrigramIndexOnPostgresql(TestDatabase database) throws SQLException {
        assumeTrue(database.dialect().equals("postgresql"), "SQLite's trigrams are a table of their own");
        load(database);
        plan(database, new SearchRequest("service", and(Q.text("$identifier", "contains", "e12")), 50, null));
        String index = indexName(database, "service", "$identifier:text");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE entities");
            statement.execute("SET enable_seqscan = off");
            String lookUp = explain(statement, "SELECT identifier FROM entities WHERE blueprint = 'service' "
                    + "AND identifier = ANY('{e1,e2,e3}'::text[])");
            assertThat(lookUp).doesNotContain(index);
            String searchBox = explain(statement, "SELECT identifier FROM entities e WHERE e.blueprint = 'service' "
                    + "AND lower(e.identifier) LIKE '%e12%'");
            assertThat(searchBox).contains(index);
        }
    }

    /**
     * The edges of deleted entities are deleted by the store, a chunk of identifiers at a time
     * (EdgeRows.deleteFrom): with no fresh statistics the planner took the blueprint's edges for a few
     * and filtered them all instead of looking the identifiers up. A large write has relation_edges
     * analyzed, as it has entities (PostgresDialect.afterWrite).
     */
    @StoreTest
    void aLargeWriteHasTheEdgesAnalyzedSoThatDeletingThemLooksThemUpOnPostgresql(TestDatabase database) throws SQLException {
        assumeTrue(database.dialect().equals("postgresql"), "SQLite's planner reads its own statistics (sqlite_stat4)");
        try (CatalogStore store = database.openStore()) {
            Fixtures.insertBlueprints(store, Fixtures.teamsAndServices());
        }
        try (Connection writer = DriverManager.getConnection(database.jdbcUrl());
             Statement statement = writer.createStatement()) {
            statement.execute("INSERT INTO entities (blueprint, identifier) SELECT 'service', 's' || i FROM generate_series(1, 3000) i");
            statement.execute("INSERT INTO relation_edges (source_blueprint, source_identifier, relation, target_blueprint, "
                    + "target_identifier) SELECT 'service', 's' || i, 'owner', 'team', 't1' FROM generate_series(1, 3000) i");
            // A backend reports its changes to the statistics views when idle, at most once a second: now.
            statement.execute("SELECT pg_stat_force_next_flush()");
        }
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl())) {
            connection.setAutoCommit(false);
            new PostgresDialect().afterWrite(connection);
        }
        assertThat(strings(database, "SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL "
                + "AND relname IN ('entities', 'relation_edges')")).containsExactlyInAnyOrder("entities", "relation_edges");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl());
             Statement statement = connection.createStatement()) {
            String delete = explain(statement, "DELETE FROM relation_edges WHERE source_blueprint = 'service' "
                    + "AND source_identifier IN ('s1', 's2', 's3')");
            assertThat(delete).containsPattern("Index Cond: .*source_identifier = ANY");
        }
    }

    private static String explain(Statement statement, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = statement.executeQuery("EXPLAIN " + sql)) {
            while (rows.next()) plan.append(rows.getString(1)).append('\n');
        }
        return plan.toString();
    }

    /**
     * PostgreSQL keeps no statistics for partial expression indexes: each property gets its own, for the
     * planner's estimates, on its value and on its JSON type (which every comparison checks).
     */
    @StoreTest
    void eachPropertyHasStatisticsOnPostgresql(TestDatabase database) throws SQLException {
        assumeTrue(database.dialect().equals("postgresql"), "SQLite reads its estimates from the index");
        load(database);
        plan(database, new SearchRequest("service", and(rule("name", "=", "'n7'"), rule("tier", "<", "10")), 50, null));
        assertThat(strings(database, "SELECT pg_get_statisticsobjdef(oid) FROM pg_statistic_ext"))
                .anyMatch(definition -> definition.contains("properties -> 'tier'") && !definition.contains("jsonb_typeof"))
                .anyMatch(definition -> definition.contains("properties -> 'name'") && !definition.contains("jsonb_typeof"))
                .anyMatch(definition -> definition.contains("jsonb_typeof(properties -> 'tier'"))
                .anyMatch(definition -> definition.contains("jsonb_typeof(properties -> 'name'"));
    }

    /** More rows than FewMatches.FEW, so that whether few or many match decides the plan. */
    private static void loadMany(TestDatabase database) {
        try (CatalogStore store = database.openStore()) {
            Fixtures.insertBlueprints(store, blueprint("team", "{}", Map.of()),
                    blueprint("service", "{'tier': {'type': 'number'}}", Map.of("owner", Fixtures.relation("team", false, false))));
            Fixtures.insert(store, entity("team", "t1", "{}"), entity("team", "t2", "{}"));
            for (int from = 0; from < 6000; from += 1000) {
                Fixtures.insert(store, IntStream.range(from, from + 1000)
                        .mapToObj(i -> entity("service", String.format("s%05d", i), "{'tier': " + i + "}",
                                "{'owner': '" + (i % 1000 == 0 ? "t1" : "t2") + "'}"))
                        .toArray(Entity[]::new));
            }
        }
    }

    /**
     * SQLite would read every match of a wide range through the property's index and sort them all; with
     * many matches a page in identifier order walks the primary key instead, and with few it keeps the index.
     */
    @StoreTest
    void aPageInIdentifierOrderWalksThePrimaryKeyOnlyWhenManyMatchOnSqlite(TestDatabase database) throws SQLException {
        assumeTrue(database.dialect().equals("sqlite"), "PostgreSQL weighs the two plans itself");
        loadMany(database);
        assertThat(plan(database, new SearchRequest("service", and(rule("tier", ">=", "10")), 50, null)))
                .contains("sqlite_autoindex_entities_1");
        assertThat(plan(database, new SearchRequest("service", and(rule("tier", ">=", "5990")), 50, null)))
                .contains(indexName(database, "service", "tier"));
    }

    /**
     * Few or many matches, in identifier order or sorted, paged or not, the same answers: the plans chosen
     * by counting matches (reading them first and sorting, or walking an index in order) agree.
     */
    @StoreTest
    void fewAndManyMatchesGiveTheSameOrderWhicheverPlanReadsThem(TestDatabase database) {
        loadMany(database);
        try (CatalogStore store = database.openStore()) {
            // s01000..s01999 contain "s01": 1,000 matches (few); tier >= 100: 5,900 (many).
            for (var query : List.of(and(Q.text("$identifier", "contains", "s01")), and(rule("tier", ">=", "100")),
                    and(Q.text("$identifier", "contains", "s01"), rule("tier", "<", "1500")))) {
                for (var sort : java.util.Arrays.asList(null, new dev.portolan.catalog.search.SearchSort("tier", true),
                        new dev.portolan.catalog.search.SearchSort("$title", false))) {
                    List<String> paged = new java.util.ArrayList<>();
                    String from = null;
                    do {
                        SearchRequest request = new SearchRequest("service", query, 700, from, sort);
                        var page = store.read(tx -> tx.search(request));
                        page.entities().forEach(e -> paged.add(e.identifier()));
                        from = page.next();
                    } while (from != null);
                    List<String> expected = IntStream.range(0, 6000).filter(i -> matches(query, i)).boxed()
                            .sorted(sort == null || sort.property().equals("$title") ? java.util.Comparator.<Integer>naturalOrder()
                                    : java.util.Comparator.<Integer>reverseOrder())
                            .map(i -> String.format("s%05d", i)).toList();
                    assertThat(paged).as("%s sorted by %s", query, sort).isEqualTo(expected);
                }
            }
        }
    }

    private static boolean matches(dev.portolan.catalog.search.Query query, int i) {
        String id = String.format("s%05d", i);
        return switch (query.rules().size()) {
            case 2 -> id.contains("s01") && i < 1500;
            default -> query.rules().getFirst() instanceof dev.portolan.catalog.search.PropertyRule rule && rule.property().equals("tier")
                    ? i >= 100 : id.contains("s01");
        };
    }

    /** A relatedTo looks its few matches up (by rowid on SQLite) instead of testing every row of the blueprint. */
    @StoreTest
    void aRelatedToLooksItsMatchesUp(TestDatabase database) throws SQLException {
        loadMany(database);
        String plan = plan(database, new SearchRequest("service", and(Q.related("team", null, false, "t1")), 50, null));
        if (database.dialect().equals("sqlite")) {
            assertThat(plan).contains("USING INTEGER PRIMARY KEY (rowid=?)").doesNotContain("sqlite_autoindex_entities_1 (blueprint=?)");
        } else {
            assertThat(plan).contains("Nested Loop");
        }
    }

    private static String indexName(TestDatabase database, String blueprint, String property) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl());
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT index_name FROM property_indexes WHERE blueprint = ? AND property = ?")) {
            statement.setString(1, blueprint);
            statement.setString(2, property);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).as("index of %s.%s", blueprint, property).isTrue();
                return row.getString(1);
            }
        }
    }

    /** The query plan of the search's SQL, as text, once the indexes it reads are built (as EntityService.search does). */
    private static String plan(TestDatabase database, SearchRequest request) throws SQLException {
        try (CatalogStore store = database.openStore()) {
            if (!store.read(tx -> tx.hasIndexesFor(request))) {
                store.write(tx -> {
                    tx.indexFor(request);
                    return null;
                });
            }
        }
        boolean sqlite = database.dialect().equals("sqlite");
        Dialect dialect = sqlite ? new SqliteDialect() : new PostgresDialect();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl())) {
            if (!sqlite) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ANALYZE entities");
                    // With a few hundred rows a sequential scan is cheapest; forbid it to see which index the planner can use.
                    statement.execute("SET enable_seqscan = off");
                }
            }
            SqlFragment search = new EntitySearch(connection, dialect, new BlueprintRows(connection, dialect), Clock.systemUTC())
                    .statement(request);
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement statement = connection.prepareStatement((sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + search.sql())) {
                Sql.bind(statement, search.parameters());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(sqlite ? 4 : 1)).append('\n');
                    }
                }
            }
            return plan.toString();
        }
    }

    @StoreTest
    void aBlueprintsPropertiesAreIndexedWhenASearchFirstComparesOrSortsByThem(TestDatabase database) throws SQLException {
        try (CatalogStore store = database.openStore()) {
            Fixtures.insertBlueprints(store, blueprint("team", "{'name': {'type': 'string'}}", Map.of()), blueprint("service", """
                    {'name': {'type': 'string'}, 'tier': {'type': 'number'}, 'notes': {'type': 'string', 'format': 'markdown'},
                     'tags': {'type': 'array'}, 'owner': {'type': 'string'}}""", Map.of("owner", Fixtures.relation("team", false, false))));
            assertThat(indexedProperties(database)).as("a new blueprint").isEmpty();

            // Operators that read every row anyway, a search of all blueprints, arrays and relations: no index.
            for (SearchRequest reads : List.of(
                    new SearchRequest("service", and(rule("name", "contains", "'x'"), rule("tier", "!=", "1")), 50, null),
                    new SearchRequest(null, and(rule("name", "=", "'x'")), 50, null),
                    new SearchRequest("service", and(rule("tags", "=", "'x'"), rule("owner", "=", "'t1'")), 50, null))) {
                assertThat(store.<Boolean>read(tx -> tx.hasIndexesFor(reads))).as("%s", reads).isTrue();
                store.write(tx -> {
                    tx.indexFor(reads);
                    return null;
                });
            }
            assertThat(indexedProperties(database)).isEmpty();

            SearchRequest byName = new SearchRequest("service", Q.or(rule("name", "=", "'n1'"), rule("notes", "in", "['a']")), 50, null,
                    new dev.portolan.catalog.search.SearchSort("tier", true));
            assertThat(store.<Boolean>read(tx -> tx.hasIndexesFor(byName))).isFalse();
            store.write(tx -> {
                tx.indexFor(byName);
                return null;
            });
            assertThat(store.<Boolean>read(tx -> tx.hasIndexesFor(byName))).isTrue();
            // Markdown is long text, not a scalar the store indexes.
            assertThat(indexedProperties(database)).containsExactlyInAnyOrder("name", "tier");
            assertThat(databaseIndexes(database)).hasSize(2);
        }
    }

    /** What the API and the UI search through: the first search builds the indexes and answers as any later one does. */
    @StoreTest
    void aSearchThroughTheCatalogBuildsTheIndexesItReadsAndAnswersTheSame(TestDatabase database) throws SQLException {
        load(database);
        try (CatalogStore store = database.openStore()) {
            var catalog = new dev.portolan.catalog.CatalogService(store, Clock.systemUTC(),
                    dev.portolan.catalog.entity.CalculationEvaluator.NONE);
            SearchRequest request = new SearchRequest("service", and(rule("tier", "<", "40"), rule("name", "!=", "'n5'")), 5, null,
                    new dev.portolan.catalog.search.SearchSort("tier", true));
            assertThat(indexedProperties(database)).isEmpty();
            List<String> first = catalog.entities().search(request).entities().stream().map(Entity::identifier).toList();
            assertThat(indexedProperties(database)).containsExactly("tier");
            List<String> again = catalog.entities().search(request).entities().stream().map(Entity::identifier).toList();
            assertThat(first).isEqualTo(again).containsExactly("e39", "e38", "e37", "e35", "e34");
        }
    }

    /**
     * PostgreSQL: a btree entry is limited to about 2.7 kB, and an e-mail address (a short format, so a
     * btree) may be longer. The index cannot be built; the search still answers, reading the rows.
     */
    @StoreTest
    void aSearchWhoseIndexCannotBeBuiltStillAnswers(TestDatabase database) throws SQLException {
        assumeTrue(database.dialect().equals("postgresql"), "SQLite's index entries have no such limit");
        java.util.Random random = new java.util.Random(5);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder local = new StringBuilder();
        for (int i = 0; i < 8_000; i++) local.append(alphabet.charAt(random.nextInt(alphabet.length())));
        String longAddress = local + "@example.com";
        try (CatalogStore store = database.openStore()) {
            Fixtures.insertBlueprints(store, blueprint("person", "{'mail': {'type': 'string', 'format': 'email'}}", Map.of()));
            Fixtures.insert(store, entity("person", "long", "{'mail': '" + longAddress + "'}"),
                    entity("person", "short", "{'mail': 'a@example.com'}"));
            var catalog = new dev.portolan.catalog.CatalogService(store, Clock.systemUTC(),
                    dev.portolan.catalog.entity.CalculationEvaluator.NONE);
            var found = catalog.entities().search(new SearchRequest("person", and(rule("mail", "=", "'a@example.com'")), 50, null));
            assertThat(found.entities()).extracting(Entity::identifier).containsExactly("short");
            assertThat(indexedProperties(database)).isEmpty();
            assertThat(databaseIndexes(database)).isEmpty();
        }
    }

    /**
     * Pages sorted by title or by time, or comparing them by value, read an index of the blueprint's own,
     * built by the first such search (MetaColumns); nothing orders every blueprint's rows by them any more.
     * Sorted pages read through it give the order they gave without it.
     */
    @StoreTest
    void aBlueprintSortedByTitleOrTimeGetsItsOwnIndexOnFirstUse(TestDatabase database) throws SQLException {
        loadMany(database);
        assertThat(indexedProperties(database)).isEmpty();
        assertThat(strings(database, database.dialect().equals("sqlite")
                ? "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'entities\\_sort\\_%' ESCAPE '\\'"
                : "SELECT indexname FROM pg_indexes WHERE indexname LIKE 'entities\\_sort\\_%' ESCAPE '\\'")).isEmpty();
        var byTitle = new dev.portolan.catalog.search.SearchSort("$title", true);
        try (CatalogStore store = database.openStore()) {
            List<String> before = pages(store, new SearchRequest("service", and(rule("tier", ">=", "10")), 700, null, byTitle));
            List<SearchRequest> firstUses = List.of(
                    new SearchRequest("service", and(rule("tier", ">=", "10")), 700, null, byTitle),
                    new SearchRequest("service", null, 50, null, new dev.portolan.catalog.search.SearchSort("$createdAt", false)),
                    new SearchRequest("service", and(rule("$updatedAt", "between", "{'from': '2020-01-01T00:00:00Z', 'to': '2030-01-01T00:00:00Z'}")),
                            50, null));
            for (SearchRequest request : firstUses) {
                assertThat(store.<Boolean>read(tx -> tx.hasIndexesFor(request))).as("%s", request).isFalse();
                store.write(tx -> {
                    tx.indexFor(request);
                    return null;
                });
                assertThat(store.<Boolean>read(tx -> tx.hasIndexesFor(request))).as("%s", request).isTrue();
            }
            assertThat(indexedProperties(database)).containsExactlyInAnyOrder("$title", "$createdAt", "$updatedAt", "tier");
            String titleIndex = indexName(database, "service", "$title");
            assertThat(strings(database, database.dialect().equals("sqlite")
                    ? "SELECT sql FROM sqlite_master WHERE name = '" + titleIndex + "'"
                    : "SELECT indexdef FROM pg_indexes WHERE indexname = '" + titleIndex + "'"))
                    .singleElement().asString().contains("title, identifier").contains("blueprint = 'service'");
            // Sorting by identifier needs nothing built: the primary key orders it.
            SearchRequest byIdentifier = new SearchRequest("service", null, 50, null,
                    new dev.portolan.catalog.search.SearchSort("$identifier", false));
            assertThat(store.<Boolean>read(tx -> tx.hasIndexesFor(byIdentifier))).isTrue();

            List<String> after = pages(store, new SearchRequest("service", and(rule("tier", ">=", "10")), 700, null, byTitle));
            assertThat(after).isEqualTo(before).hasSize(5990);
            assertThat(after.getFirst()).isEqualTo("s05999");

            store.write(tx -> {
                tx.deleteBlueprint("service");
                return null;
            });
            assertThat(indexedProperties(database)).isEmpty();
            assertThat(databaseIndexes(database)).isEmpty();
        }
    }

    private static List<String> pages(CatalogStore store, SearchRequest first) {
        List<String> identifiers = new java.util.ArrayList<>();
        String from = null;
        do {
            SearchRequest request = new SearchRequest(first.blueprint(), first.query(), first.limit(), from, first.sort());
            var page = store.read(tx -> tx.search(request));
            page.entities().forEach(e -> identifiers.add(e.identifier()));
            from = page.next();
        } while (from != null);
        return identifiers;
    }

    @StoreTest
    void indexesFollowTheBlueprintsScalarProperties(TestDatabase database) throws SQLException {
        try (CatalogStore store = database.openStore()) {
            Fixtures.insertBlueprints(store, blueprint("service", """
                    {'name': {'type': 'string'}, 'tier': {'type': 'number'}, 'size': {'type': 'number'}}""", Map.of()));
            SearchRequest search = new SearchRequest("service", and(rule("name", "=", "'a'"), rule("tier", ">", "1"),
                    rule("size", ">", "1")), 50, null);
            store.write(tx -> {
                tx.indexFor(search);
                return null;
            });
            assertThat(indexedProperties(database)).containsExactlyInAnyOrder("name", "tier", "size");
            String sizeIndex = indexName(database, "service", "size");

            // name kept as it was, tier gone, size now free text, active new (no index until a search needs one).
            store.write(tx -> {
                tx.updateBlueprint(blueprint("service", "{'name': {'type': 'string'}, 'size': {'type': 'string'}, "
                        + "'active': {'type': 'boolean'}}", Map.of()));
                return null;
            });
            assertThat(indexedProperties(database)).containsExactlyInAnyOrder("name", "size");
            assertThat(databaseIndexes(database)).hasSize(2);
            if (database.dialect().equals("postgresql")) {
                // Free text gets a hash index there, so size's index is built anew; SQLite's is the same expression.
                assertThat(indexName(database, "service", "size")).isNotEqualTo(sizeIndex);
                assertThat(databaseIndexes(database)).doesNotContain(sizeIndex);
            }

            store.write(tx -> {
                tx.deleteBlueprint("service");
                return null;
            });
            assertThat(indexedProperties(database)).isEmpty();
            assertThat(databaseIndexes(database)).isEmpty();
        }
    }

    private static List<String> indexedProperties(TestDatabase database) throws SQLException {
        return strings(database, "SELECT property FROM property_indexes");
    }

    private static List<String> databaseIndexes(TestDatabase database) throws SQLException {
        return strings(database, database.dialect().equals("sqlite")
                ? "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'entities\\_p\\_%' ESCAPE '\\'"
                : "SELECT indexname FROM pg_indexes WHERE indexname LIKE 'entities\\_p\\_%' ESCAPE '\\'");
    }
}
