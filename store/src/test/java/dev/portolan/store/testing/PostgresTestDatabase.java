package dev.portolan.store.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A uniquely named database on the test PostgreSQL server ({@link TestPostgres}: the configured
 * one, or an embedded one when none answers), dropped on close.
 */
public final class PostgresTestDatabase implements TestDatabase {

    private final String name;

    public PostgresTestDatabase() {
        this.name = "portolan_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("CREATE DATABASE " + name);
    }

    public String databaseName() {
        return name;
    }

    @Override
    public String dialect() {
        return "postgresql";
    }

    @Override
    public String jdbcUrl() {
        return urlOf(name);
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    @Override
    public String toString() {
        return "postgresql " + name;
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(urlOf("postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the test PostgreSQL at " + TestPostgres.server()
                    + (TestPostgres.embedded() ? " (embedded)" : "") + ": " + e.getMessage(), e);
        }
    }

    private static String urlOf(String database) {
        return TestPostgres.urlOf(TestPostgres.server(), database);
    }
}
