package dev.portolan.store;

import dev.portolan.catalog.search.SearchRequest;
import dev.portolan.catalog.search.SearchSort;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.StoreTest;
import dev.portolan.store.testing.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.portolan.store.Q.and;
import static dev.portolan.store.Q.rule;
import static dev.portolan.store.StoreReads.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A version 9 database is brought up to date on open: on SQLite its property indexes are rebuilt to
 * hold the value's JSON type too; on PostgreSQL, whose index definition did not change, they stay.
 * Searches answer as before.
 */
class Version10MigrationTest {

    @StoreTest
    void aVersion9DatabasesPropertyIndexesAreRebuiltWhereTheirDefinitionChanged(TestDatabase database) throws SQLException {
        Dialect dialect = Fixtures.migratedTo(database, "9");
        boolean sqlite = dialect instanceof SqliteDialect;
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl()); Statement sql = connection.createStatement()) {
            Fixtures.insertBlueprintRow(sql, Fixtures.blueprint("service", "{'tier': {'type': 'number'}}", Map.of()));
            sql.execute("INSERT INTO entities (blueprint, identifier, title, properties) VALUES "
                    + "('service', 'pay', 'Payments API', '{\"tier\": 1}'), ('service', 'web', 'Website', '{\"tier\": 2}'), "
                    + "('service', 'doc', 'Docs', '{\"tier\": \"2\"}')");
            if (sqlite) {
                // The shape version 9 built: (value, identifier).
                sql.execute("CREATE INDEX entities_p_v9 ON entities (json_extract(properties, '$.\"tier\"'), identifier) WHERE blueprint = 'service'");
                sql.execute("INSERT INTO property_indexes (blueprint, property, index_name) VALUES ('service', 'tier', 'entities_p_v9')");
            } else {
                connection.setAutoCommit(false);
                new PropertyIndexes(connection, dialect).build(Fixtures.blueprint("service", "{'tier': {'type': 'number'}}", Map.of()),
                        Set.of("tier"));
                connection.commit();
            }
        }
        String before = strings(database, "SELECT index_name FROM property_indexes").getFirst();

        try (CatalogStore store = database.openStore()) {
            SearchRequest range = new SearchRequest("service", and(rule("tier", ">=", "1")), 50, null, new SearchSort("tier", true));
            assertThat(store.read(tx -> tx.search(range)).entities()).extracting(e -> e.identifier()).containsExactly("web", "pay");
        }
        List<String> after = strings(database, "SELECT index_name FROM property_indexes");
        assertThat(after).hasSize(1);
        if (sqlite) {
            assertThat(after.getFirst()).isNotEqualTo(before);
            assertThat(strings(database, "SELECT sql FROM sqlite_master WHERE name = '" + after.getFirst() + "'"))
                    .singleElement().asString().contains("json_type(properties, '$.\"tier\"')");
            assertThat(strings(database, "SELECT name FROM sqlite_master WHERE name = 'entities_p_v9'")).isEmpty();
        } else {
            assertThat(after.getFirst()).isEqualTo(before);
        }
    }
}
