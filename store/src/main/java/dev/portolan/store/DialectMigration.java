package dev.portolan.store;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A schema version written in Java rather than SQL: for changes that depend on what is stored (one
 * index per blueprint property) or on what the database offers (an extension), which a migration
 * file per dialect cannot say. Each runs inside the migration's transaction, knows its dialect, and
 * has no checksum (its code is its definition, and code may be refactored without a new version).
 */
abstract class DialectMigration implements JavaMigration {

    protected final Dialect dialect;
    private final MigrationVersion version;
    private final String description;

    DialectMigration(Dialect dialect, String version, String description) {
        this.dialect = dialect;
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return null;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }
}
