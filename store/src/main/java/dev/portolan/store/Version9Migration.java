package dev.portolan.store;

import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Schema version 9, PostgreSQL only: the identifiers' trigram index (Version7Migration) is rebuilt on
 * {@code lower(identifier)}. pg_trgm 1.6's GIN operator class also answers {@code =}, so on the bare
 * column the planner could take it for the store's own look-ups ({@code identifier IN (...)} of every
 * upsert batch) instead of the primary key: a thousand hexadecimal commit ids then read hundreds of
 * thousands of index pages, seconds per batch where the key takes milliseconds. On an expression no
 * equality on the column can reach it; the search box's {@code contains} asks it for candidates
 * ({@link PostgresPredicates#containsText}, with the same {@code lower}) and strpos decides, so the answers stay exactly the same.
 */
final class Version9Migration extends DialectMigration {

    Version9Migration(Dialect dialect) {
        super(dialect, "9", "identifier trigrams on an expression that equality cannot use");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        if (!dialect.name().equals("postgresql")) return;
        Connection connection = context.getConnection();
        // Without pg_trgm version 7 made no trigram index, and there is none to move.
        boolean trigramIndexed = Sql.queryOne(connection, "SELECT 1 FROM pg_indexes WHERE tablename = 'entities'"
                + " AND indexname = 'entities_identifier_trigrams' AND schemaname = current_schema()", List.of(), row -> true).isPresent();
        if (!trigramIndexed) return;
        Sql.update(connection, "DROP INDEX entities_identifier_trigrams", List.of());
        Sql.update(connection, "CREATE INDEX entities_identifier_trigrams ON entities USING gin (lower(identifier) gin_trgm_ops)", List.of());
    }
}
