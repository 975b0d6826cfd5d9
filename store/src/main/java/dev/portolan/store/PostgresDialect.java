package dev.portolan.store;

import com.fasterxml.jackson.databind.JsonNode;

import dev.portolan.catalog.blueprint.PropertyDefinition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL: writers run at READ COMMITTED and lock the entity rows they read ({@code FOR UPDATE}),
 * so two writers of the same entity take turns and the second sees the first's result. Two writers
 * creating the same new entity race on the primary key; the loser gets a unique violation and
 * {@link JdbcCatalogStore#write} runs its unit of work again, which then finds the row. Readers
 * run at REPEATABLE READ for a consistent snapshot.
 */
final class PostgresDialect implements Dialect {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresDialect.class);

    /** serialization_failure, deadlock_detected, unique_violation. */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "23505");

    /**
     * Btree entries are limited to about 2.7 kB, so a free-text string could make an insert fail;
     * such properties get a hash index (equality only). Short, bounded strings keep a btree, which
     * also serves range and date searches.
     */
    private static final Set<String> SHORT_STRING_FORMATS =
            Set.of("date-time", "email", "idn-email", "ipv4", "ipv6", "user", "team", "timer");
    private static final int MAX_BTREE_STRING_LENGTH = 1000;

    private final Predicates predicates = new PostgresPredicates();
    private final boolean trigrams;

    /** Before the store has asked the server what it offers: no text index is built. */
    PostgresDialect() {
        this(false);
    }

    private PostgresDialect(boolean trigrams) {
        this.trigrams = trigrams;
    }

    /** Whether the server has {@code pg_trgm} (Version7Migration installs it where it can). */
    @Override
    public Dialect asOfferedBy(Connection connection) throws SQLException {
        boolean installed;
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm')")) {
            installed = row.next() && row.getBoolean(1);
        }
        connection.rollback();
        if (!installed) {
            LOG.warn("pg_trgm is not installed: searching titles and identifiers reads every row of the blueprint");
        }
        return new PostgresDialect(installed);
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public void begin(Connection connection, boolean write) throws SQLException {
        if (!write) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
        }
    }

    @Override
    public void commit(Connection connection) throws SQLException {
        connection.commit();
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
        connection.rollback();
    }

    /**
     * Analyzes {@code entities} and {@code relation_edges}, each once the rows changed since its last
     * analysis outnumber those it knew of (at least 1,000). Without statistics the planner takes a list
     * of 500 identifiers for the whole table and may scan an index end to end instead of looking the rows
     * up: deleting a thousand entities' edges read all 600,000 edges of their blueprint, taken for 1,200,
     * in each chunk of a reconciliation. Autovacuum would analyze too, but only after its next nap, when a
     * sync may be long done.
     */
    @Override
    public void afterWrite(Connection connection) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT relname FROM pg_stat_user_tables "
                     + "WHERE relid IN ('entities'::regclass, 'relation_edges'::regclass) "
                     + "AND n_mod_since_analyze >= GREATEST(1000, n_live_tup - n_mod_since_analyze) ORDER BY relname")) {
            while (rows.next()) stale.add(rows.getString(1));
        }
        connection.commit();
        for (String table : stale) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE " + table);
            }
            connection.commit();
        }
    }

    @Override
    public boolean isRetryable(SQLException e) {
        return RETRYABLE.contains(e.getSQLState());
    }

    @Override
    public String jsonParameter() {
        return "CAST(? AS jsonb)";
    }

    @Override
    public String lockForUpdate() {
        return " FOR UPDATE";
    }

    @Override
    public String lockForKeyShare() {
        return " FOR KEY SHARE";
    }

    /**
     * A GIN trigram index, partial to the blueprint, used by the LIKE of {@link PostgresPredicates#containsText}.
     * The identifier's trigrams are of {@code lower(identifier)}: pg_trgm's operator class answers {@code =}
     * too, and on the bare column the planner could read the trigrams for the store's own
     * {@code identifier IN (...)} look-ups (seconds for a thousand commit ids); only the search box's
     * LIKE on lower(identifier) reaches it.
     */
    @Override
    public java.util.Optional<String> createTextIndex(String indexName, String blueprint, String column) {
        if (!trigrams) return java.util.Optional.empty();
        String indexed = column.equals("identifier") ? "lower(identifier)" : column;
        return java.util.Optional.of("CREATE INDEX IF NOT EXISTS " + Identifiers.checked(indexName) + " ON entities USING gin ("
                + indexed + " gin_trgm_ops) WHERE blueprint = " + Identifiers.literal(blueprint));
    }

    /** A sample of the table (30,000 rows by default): PostgreSQL analyzes tables, with their expression indexes and statistics objects. */
    @Override
    public java.util.List<String> analyzeIndex(String indexName) {
        return java.util.List.of("ANALYZE entities");
    }

    @Override
    public String createPropertyIndex(String indexName, String blueprint, String property, PropertyDefinition definition) {
        String method = usesBtree(definition) ? "btree" : "hash";
        String value = PostgresPredicates.jsonValue("properties", property);
        // "IS NOT NULL" keeps the index to rows that have the property, and keeps the planner from
        // using it for look-ups by identifier: only a condition on the property itself implies it.
        // A btree holds (value, identifier): searches on the property read the value's range, and catalog
        // pages sorted by it (SortedSearch) read it in order and continue after their keyset cursor
        // (value, identifier) with a seek, however many rows share a value. A hash index has one column.
        String columns = usesBtree(definition) ? "((" + value + "), identifier)" : "((" + value + "))";
        return "CREATE INDEX IF NOT EXISTS " + indexName + " ON entities USING " + method + " " + columns
                + " WHERE blueprint = " + Identifiers.literal(blueprint) + " AND (" + value + ") IS NOT NULL";
    }

    /**
     * PostgreSQL keeps no statistics for a partial expression index, so without these it guesses that
     * {@code language = 'go'} matches 0.5% of a blueprint when it matches 12.5%, and ANDs that property's
     * whole index with the search box's small trigram match (TextIndexes) instead of filtering
     * the few rows the trigrams found: 75 ms instead of 5 ms at a million entities. The second object
     * is for the type check that comes with every comparison ({@code jsonb_typeof(...) = 'number'},
     * PostgresPredicates#compare): guessed at 0.5% too, it made {@code stars >= 4000 AND stars < 5000}
     * (10% of the blueprint) look like 200 rows, so a page in identifier order read all 100,000 through
     * the property index and sorted them (400–1,000 ms) instead of walking the primary key for two
     * thousand rows (1.5 ms). One object per property name and expression, shared by the blueprints that
     * have it; left in place when a property goes (it only costs ANALYZE a little).
     */
    @Override
    public java.util.List<String> createPropertyStatistics(String property) {
        String value = PostgresPredicates.jsonValue("properties", property);
        return java.util.List.of(
                "CREATE STATISTICS IF NOT EXISTS " + Identifiers.objectName("entities_s_", property) + " ON ((" + value + ")) FROM entities",
                "CREATE STATISTICS IF NOT EXISTS " + Identifiers.objectName("entities_t_", property)
                        + " ON (jsonb_typeof(" + value + ")) FROM entities");
    }

    static boolean usesBtree(PropertyDefinition definition) {
        if (!"string".equals(definition.type())) {
            return true;
        }
        if (definition.format() != null && SHORT_STRING_FORMATS.contains(definition.format())) {
            return true;
        }
        if (definition.json().has("enum")) {
            return true;
        }
        int maxLength = definition.json().path("maxLength").asInt(Integer.MAX_VALUE);
        return maxLength <= MAX_BTREE_STRING_LENGTH;
    }

    @Override
    public String propertyValue(String property) {
        return PostgresPredicates.jsonValue("properties", property);
    }

    @Override
    public JsonNode readPropertyValue(ResultSet row, String column) throws SQLException {
        String json = row.getString(column);
        return json == null ? null : Json.read(json);
    }

    @Override
    public SqlFragment propertyValueParameter(JsonNode value) {
        return SqlFragment.of("CAST(? AS jsonb)", value.toString());
    }

    /**
     * When a text search is read through a trigram index ({@link PostgresPredicates#TRIGRAM_TEXT}): the
     * planner cannot estimate its matches (the index proposes rows, strpos decides). Not when a text has
     * no trigram ({@link PostgresPredicates#UNINDEXED_TEXT}): counting its matches would read the whole
     * blueprint when they are few (1.2 s at a million entities), where reading the sort's index in order
     * stops after a page. Other conditions the planner estimates from its statistics.
     */
    @Override
    public boolean countsBeforeSorting(SqlFragment where) {
        return where.sql().contains(PostgresPredicates.TRIGRAM_TEXT) && !where.sql().contains(PostgresPredicates.UNINDEXED_TEXT);
    }

    @Override
    public Predicates predicates() {
        return predicates;
    }
}
