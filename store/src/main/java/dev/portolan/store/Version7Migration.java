package dev.portolan.store;

import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;

/**
 * Schema version 7, for the web UI (both dialects; a Java migration because part of it is per
 * blueprint and part depends on what the PostgreSQL server offers): the indexes of the catalog pages'
 * reads, and the mapping texts.
 *
 * <ul>
 *   <li>Every blueprint's property indexes are rebuilt as (value, identifier) ({@link Dialect#createPropertyIndex}):
 *       used by {@link SortedSearch} to read a page sorted by a property and continue after its keyset cursor.</li>
 *   <li>Free-text search ({@code contains} on {@code $title} / {@code $identifier}, the catalog page's search
 *       box) gets a trigram index, so it no longer reads every row of the blueprint: on SQLite the FTS5 table
 *       {@code entity_text} kept by triggers ({@link SqlitePredicates#containsText}); on PostgreSQL GIN
 *       {@code pg_trgm} indexes, used by the LIKE of {@link PostgresPredicates#containsText}.</li>
 *   <li>{@code mapping_texts}: a mapping as the person who saved it in the UI wrote it (YAML with its comments).</li>
 * </ul>
 */
final class Version7Migration extends DialectMigration {

    private static final Logger LOG = LoggerFactory.getLogger(Version7Migration.class);

    Version7Migration(Dialect dialect) {
        super(dialect, "7", "catalog search indexes and mapping texts");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        new PropertyIndexes(connection, dialect).followAll();
        execute(connection, List.of("CREATE TABLE mapping_texts (integration TEXT PRIMARY KEY, yaml TEXT NOT NULL)"));
        if (dialect.name().equals("sqlite")) {
            execute(connection, SQLITE_TEXT_SEARCH);
        } else {
            postgresTextSearch(connection);
        }
    }

    /**
     * An external-content FTS5 table over entities' title and identifier (it stores only the index),
     * tokenized in case-sensitive trigrams: a phrase query is then a substring search, as {@code contains}
     * is. Triggers kept it in step with every write (since version 12 the store indexes inserted rows
     * itself, per batch); an update costs index work only when the title changes.
     * It is keyed by the entities' rowid, which only a VACUUM may renumber: after one, run
     * {@code INSERT INTO entity_text(entity_text) VALUES ('rebuild')}.
     */
    private static final List<String> SQLITE_TEXT_SEARCH = List.of(
            "CREATE VIRTUAL TABLE entity_text USING fts5(title, identifier, content='entities', tokenize='trigram case_sensitive 1')",
            "INSERT INTO entity_text (entity_text) VALUES ('rebuild')",
            "CREATE TRIGGER entity_text_insert AFTER INSERT ON entities BEGIN "
                    + "INSERT INTO entity_text (rowid, title, identifier) VALUES (new.rowid, new.title, new.identifier); END",
            "CREATE TRIGGER entity_text_delete AFTER DELETE ON entities BEGIN "
                    + "INSERT INTO entity_text (entity_text, rowid, title, identifier) VALUES ('delete', old.rowid, old.title, old.identifier); END",
            "CREATE TRIGGER entity_text_update AFTER UPDATE OF title, identifier ON entities "
                    + "WHEN old.title IS NOT new.title OR old.identifier IS NOT new.identifier BEGIN "
                    + "INSERT INTO entity_text (entity_text, rowid, title, identifier) VALUES ('delete', old.rowid, old.title, old.identifier); "
                    + "INSERT INTO entity_text (rowid, title, identifier) VALUES (new.rowid, new.title, new.identifier); END");

    /**
     * GIN trigram indexes on title and identifier when the server has {@code pg_trgm} (a contrib module,
     * trusted since PostgreSQL 13). Without it the search still answers the same, by reading the rows.
     */
    private static void postgresTextSearch(Connection connection) throws SQLException {
        Savepoint before = connection.setSavepoint();
        try {
            execute(connection, List.of("CREATE EXTENSION IF NOT EXISTS pg_trgm"));
        } catch (SQLException e) {
            connection.rollback(before);
            LOG.warn("pg_trgm is not available ({}): searching titles and identifiers reads every row of the blueprint", e.getMessage());
            return;
        }
        execute(connection, List.of(
                "CREATE INDEX entities_title_trigrams ON entities USING gin (title gin_trgm_ops)",
                "CREATE INDEX entities_identifier_trigrams ON entities USING gin (identifier gin_trgm_ops)"));
    }

    private static void execute(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) statement.execute(sql);
        }
    }
}
