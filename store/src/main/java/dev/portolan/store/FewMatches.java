package dev.portolan.store;

import java.sql.Connection;

/**
 * Whether few rows of one blueprint match a search's condition: then reading them through the
 * condition's own index and sorting them is cheaper than walking an index in the asked order past
 * the rows that do not match. Counted on the planner's own plan, stopping at {@link #FEW} + 1.
 * Used where the database would otherwise choose badly between the two: on SQLite, whose planner
 * sorts every match, and on PostgreSQL for text searches it cannot estimate ({@link Dialect#countsBeforeSorting}).
 */
final class FewMatches {

    /** Rows a page may sort in memory; above that, reading an index in order wins. */
    static final int FEW = 5000;

    private FewMatches() {}

    static boolean in(Connection connection, String blueprint, SqlFragment where) {
        if (where.sql().equals(SqlFragment.TRUE.sql())) return false;
        String sql = "SELECT COUNT(*) FROM (SELECT 1 FROM entities e WHERE e.blueprint = " + Identifiers.literal(blueprint)
                + " AND " + where.sql() + " LIMIT " + (FEW + 1) + ") AS few";
        return Sql.queryOne(connection, sql, where.parameters(), row -> row.getLong(1)).orElse(0L) <= FEW;
    }
}
