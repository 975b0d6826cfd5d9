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
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + dialect.name())
                .failOnMissingLocations(true)
                .javaMigrations(new Version7Migration(dialect), new Version8Migration(dialect), new Version9Migration(dialect),
                        new Version10Migration(dialect))
                .load()
                .migrate();
    }
}
