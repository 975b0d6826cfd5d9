package dev.portolan.store;

import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 10: on SQLite each property index also holds the value's JSON type
 * ({@link SqliteDialect#createPropertyIndex}), so that counting a range's matches reads the index
 * alone; the property indexes a database has are rebuilt in that shape. On PostgreSQL their
 * definition did not change and nothing is done. Seconds per index at a million entities, once.
 */
final class Version10Migration extends DialectMigration {

    Version10Migration(Dialect dialect) {
        super(dialect, "10", "SQLite property indexes hold the value's type");
    }

    @Override
    public void migrate(Context context) {
        new PropertyIndexes(context.getConnection(), dialect).followAll();
    }
}
