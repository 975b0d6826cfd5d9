package dev.portolan.store;

import com.fasterxml.jackson.databind.JsonNode;

import dev.portolan.catalog.blueprint.PropertyDefinition;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * SQLite: one writer at a time. Write transactions start with {@code BEGIN IMMEDIATE} so the write
 * lock is taken before the first read; a transaction that reads, then fails to upgrade to a write,
 * cannot happen, and other processes wait ({@code busy_timeout}) instead of failing mid-way.
 */
final class SqliteDialect implements Dialect {

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    private final Predicates predicates = new SqlitePredicates();

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public void begin(Connection connection, boolean write) throws SQLException {
        execute(connection, write ? "BEGIN IMMEDIATE" : "BEGIN");
    }

    @Override
    public void commit(Connection connection) throws SQLException {
        execute(connection, "COMMIT");
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
        try {
            execute(connection, "ROLLBACK");
        } catch (SQLException e) {
            // SQLite rolls back by itself after some errors (e.g. SQLITE_FULL); nothing is left to undo.
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                throw e;
            }
        }
    }

    /**
     * Keeps the planner's statistics current: without them SQLite prefers walking the primary key in
     * result order over a selective property index. {@code PRAGMA optimize} is a cheap no-op unless a
     * table was never analyzed or grew (or shrank) tenfold since. The analysis is a full one: with an
     * {@code analysis_limit} of 1,000, SQLite extrapolated that a blueprint of a million entities held
     * a thousand and that a value shared by 125,000 was shared by 1,000, so it walked a whole blueprint
     * for a {@code relatedTo} of 1,000 entities and counted a range by reading the blueprint in update
     * order. At a million entities a full analysis takes 1–3 s, run at each tenfold growth.
     */
    @Override
    public void afterWrite(Connection connection) throws SQLException {
        execute(connection, "PRAGMA optimize = 0x10002");
    }

    /**
     * One statement per blueprint and chunk instead of the insert trigger, which ran once per row (a JDBC
     * batch is one {@code INSERT} per row): FTS5 does much of its index work per statement that writes
     * it. Outside the store, 100,000 short rows in transactions of 1,000 took 3.4 s of CPU row by row and
     * 0.5 s a statement per transaction; in the cold resync at 100k about half the text index's cost went
     * (28.1 → 23.5 CPU-s, medians of three; 20.6 with no text index at all). Renames and deletions are
     * fewer and still reach the index through triggers (V12).
     */
    @Override
    public void indexInsertedText(Connection connection, String blueprint, List<String> identifiers) {
        List<Object> parameters = new java.util.ArrayList<>(identifiers.size() + 1);
        parameters.add(blueprint);
        parameters.addAll(identifiers);
        Sql.update(connection, "INSERT INTO entity_text (rowid, title, identifier) SELECT rowid, title, identifier "
                + "FROM entities WHERE blueprint = ? AND identifier IN (" + Sql.placeholders(identifiers.size()) + ")", parameters);
    }

    @Override
    public boolean isRetryable(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
    }

    @Override
    public String jsonParameter() {
        return "?";
    }

    @Override
    public String lockForUpdate() {
        return ""; // BEGIN IMMEDIATE already holds the database's write lock
    }

    @Override
    public String lockForKeyShare() {
        return ""; // the same: no one deletes a blueprint while this transaction writes
    }

    /** The new index alone: the others keep the statistics {@link #afterWrite} took. */
    @Override
    public List<String> analyzeIndex(String indexName) {
        return List.of("ANALYZE " + Identifiers.checked(indexName));
    }

    @Override
    public String createPropertyIndex(String indexName, String blueprint, String property, PropertyDefinition definition) {
        // (value, identifier): searches on the property read the value's range; catalog pages sorted by
        // it (SortedSearch) read it in order and continue after their keyset cursor (value, identifier)
        // with two seeks (the cursor's value after its identifier, then the values beyond), however many
        // rows share a value. Then the value's JSON type, which a range checks (SqlitePredicates#compare):
        // with it in the index, counting a range's matches (FewMatches) reads the index alone, 0.5 ms for
        // 5,001 matches at a million entities instead of 14 ms fetching each row (Version10Migration).
        return "CREATE INDEX IF NOT EXISTS " + indexName + " ON entities ("
                + SqlitePredicates.jsonValue("properties", property) + ", identifier, "
                + SqlitePredicates.jsonType("properties", property) + ") WHERE blueprint = " + Identifiers.literal(blueprint);
    }

    @Override
    public String propertyValue(String property) {
        return SqlitePredicates.jsonValue("properties", property);
    }

    @Override
    public JsonNode readPropertyValue(ResultSet row, String column) throws SQLException {
        Object value = row.getObject(column);
        if (value == null) return null;
        if (value instanceof Integer i) return Json.MAPPER.getNodeFactory().numberNode(i.longValue());
        if (value instanceof Long l) return Json.MAPPER.getNodeFactory().numberNode(l);
        if (value instanceof Number n) return Json.MAPPER.getNodeFactory().numberNode(n.doubleValue());
        return Json.MAPPER.getNodeFactory().textNode(value.toString());
    }

    @Override
    public SqlFragment propertyValueParameter(JsonNode value) {
        // json_extract yields SQL integers, reals and text: bind the same SQL type so they compare alike.
        if (value.isIntegralNumber()) return SqlFragment.of("?", value.asLong());
        if (value.isNumber()) return SqlFragment.of("?", value.asDouble());
        return SqlFragment.of("?", value.asText());
    }

    @Override
    public String readInOrderOf(String indexName) {
        return " INDEXED BY " + Identifiers.checked(indexName);
    }

    /**
     * EXPLAIN QUERY PLAN (planning only, nothing is read) says "USE TEMP B-TREE FOR ... ORDER BY" when the
     * plan sorts. A plan that looks the rows up by a list of rowids ({@link SqlitePredicates#entityAmong})
     * sorts only what the list holds, so it counts as not sorting: counting the matches first would only
     * run the list's query twice.
     */
    @Override
    public boolean sortsRows(Connection connection, SqlFragment select) {
        List<String> plan = Sql.query(connection, "EXPLAIN QUERY PLAN " + select.sql(), select.parameters(), row -> row.getString("detail"));
        return plan.stream().anyMatch(step -> step.startsWith("USE TEMP B-TREE FOR") && step.contains("ORDER BY"))
                && plan.stream().noneMatch(step -> step.startsWith("SEARCH e USING INTEGER PRIMARY KEY (rowid=?)"));
    }

    /** The primary key (blueprint, identifier) of {@code entities}, as SQLite names it. */
    @Override
    public String readInIdentifierOrder() {
        return " INDEXED BY sqlite_autoindex_entities_1";
    }

    @Override
    public Predicates predicates() {
        return predicates;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
