package dev.portolan.store;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * Brings the schema up to date with Flyway; the scripts live in {@code db/migration/<dialect>}, the
 * Java migrations are listed here.
 */
final class Migrations {

    private Migrations() {}

    static void migrate(DataSource dataSource, Dialect dialect) {
        configure(dialect).dataSource(dataSource).load().migrate();
    }

    /** Up to an older version only: the database a migration's test starts from. */
    static void migrateTo(String jdbcUrl, Dialect dialect, String version) {
        configure(dialect).dataSource(jdbcUrl, null, null).target(version).load().migrate();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration configure(Dialect dialect) {
        return Flyway.configure()
                .locations("classpath:db/migration/" + dialect.name())
                .failOnMissingLocations(true)
                .javaMigrations(new Version7Migration(dialect), new Version8Migration(dialect), new Version9Migration(dialect),
                        new Version10Migration(dialect));
    }
}
