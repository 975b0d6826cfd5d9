package dev.portolan.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;

import dev.portolan.catalog.blueprint.PropertyDefinition;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What differs between SQLite and PostgreSQL: transaction control, conflict detection, JSON
 * parameters, row locks, property index DDL and the SQL of search predicates. Everything else is
 * the same SQL on both.
 */
interface Dialect {

    /** {@code sqlite} or {@code postgresql}; also the folder of the dialect's migrations. */
    String name();

    /**
     * This dialect as the migrated database behind {@code connection} offers it: what a server may or may
     * not have installed (PostgreSQL's {@code pg_trgm}) is asked once, when the store opens.
     */
    default Dialect asOfferedBy(Connection connection) throws SQLException {
        return this;
    }

    /** Starts a transaction on a connection fresh from the pool. */
    void begin(Connection connection, boolean write) throws SQLException;

    void commit(Connection connection) throws SQLException;

    void rollback(Connection connection) throws SQLException;

    /** Housekeeping after a write transaction committed, on the same connection; failures are only logged. */
    default void afterWrite(Connection connection) throws SQLException {}

    /**
     * Adds rows just inserted into {@code entities} to the text index the search box reads, where the
     * store writes it itself rather than the database keeping it (SQLite's FTS5 table, {@link SqliteDialect}).
     */
    default void indexInsertedText(Connection connection, String blueprint, List<String> identifiers) {}

    /** Whether running the unit of work again may succeed: a serialization failure, deadlock, busy database or key race. */
    boolean isRetryable(SQLException e);

    /** The placeholder of a JSON value bound as text. */
    String jsonParameter();

    /** Appended to a SELECT of entity rows in a write transaction to lock them against other writers. */
    String lockForUpdate();

    /**
     * Appended to a SELECT of blueprint rows before their entities are inserted: keeps each row from
     * being deleted until the transaction ends, without blocking other writers of its entities.
     */
    String lockForKeyShare();

    /**
     * DDL of the partial index on one scalar property of one blueprint. Both identifiers match
     * {@link Identifiers#PATTERN} (checked by the caller), so they can be SQL literals.
     */
    String createPropertyIndex(String indexName, String blueprint, String property, PropertyDefinition definition);

    /**
     * DDL of the index that answers the search box's {@code contains} on one column ({@code title} or
     * {@code identifier}) of one blueprint's entities, built the first time a search of the blueprint
     * asks ({@link TextIndexes}); empty where one index serves every blueprint (SQLite's FTS5 table) or
     * none can be built (PostgreSQL without {@code pg_trgm}: the search reads the rows).
     */
    default java.util.Optional<String> createTextIndex(String indexName, String blueprint, String column) {
        return java.util.Optional.empty();
    }

    /** What has the planner take statistics of a new property index (on a table that may hold a million rows). */
    java.util.List<String> analyzeIndex(String indexName);

    /**
     * DDL that gives the planner statistics on one property's values (any blueprint), none where the
     * database gathers them from the property index itself. {@code property} matches {@link Identifiers#PATTERN}.
     * Each statement is idempotent ({@code IF NOT EXISTS}).
     */
    default java.util.List<String> createPropertyStatistics(String property) {
        return java.util.List.of();
    }

    /** The value of one property of a row of {@code entities}, written as its property index is (so sorting uses it). */
    String propertyValue(String property);

    /** The sort key selected as {@code column} (a {@link #propertyValue}), as JSON for a search cursor. */
    JsonNode readPropertyValue(ResultSet row, String column) throws SQLException;

    /** A placeholder and its bound value that compare with {@link #propertyValue} like the stored {@code value}. */
    SqlFragment propertyValueParameter(JsonNode value);

    /**
     * What follows {@code FROM entities e} to read rows in the order of the property index
     * {@code indexName}, or nothing where the planner weighs that itself. SQLite's planner prefers an
     * index that narrows the rows (a filter on another property) and then sorts all of them, which at
     * a million entities takes seconds; reading the sort index in order and filtering as it goes
     * stops after one page.
     */
    default String readInOrderOf(String indexName) {
        return "";
    }

    /**
     * What follows {@code FROM entities e} to read one blueprint's rows in identifier order (its primary
     * key), or nothing where the planner weighs that itself; as {@link #readInOrderOf}.
     */
    default String readInIdentifierOrder() {
        return "";
    }

    /**
     * Whether the planner's plan of {@code select} sorts rows it found through some index (rather than
     * reading them in order, or looking up a short list of keys); asked only where {@link #readInOrderOf}
     * or {@link #readInIdentifierOrder} name an index.
     */
    default boolean sortsRows(Connection connection, SqlFragment select) {
        return true;
    }

    /**
     * Whether a page sorted by a key whose order the planner weighs itself ({@link #readInOrderOf} empty)
     * first counts the matches of {@code where} ({@link FewMatches}) and, when few, reads them all and sorts
     * them, instead of the planner's plan.
     */
    default boolean countsBeforeSorting(SqlFragment where) {
        return false;
    }

    /** The search-predicate SQL of this dialect. */
    Predicates predicates();
}
