package dev.portolan.store.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A uniquely named database on the test PostgreSQL server, dropped on close. The server is
 * {@code 127.0.0.1:5432}, user {@code postgres} with trust authentication, unless the environment
 * variable {@value #SERVER_ENV} gives another base URL (e.g. {@code jdbc:postgresql://host:5433/?user=me&password=pw}).
 */
public final class PostgresTestDatabase implements TestDatabase {

    public static final String SERVER_ENV = "PORTOLAN_TEST_POSTGRES";
    private static final String DEFAULT_SERVER = "jdbc:postgresql://127.0.0.1:5432/?user=postgres";

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
            if ("08001".equals(e.getSQLState()) || "08004".equals(e.getSQLState())) {
                throw new IllegalStateException("PostgreSQL is not reachable at " + server() + " (" + e.getMessage()
                        + "). Start it with: pg_ctlcluster --skip-systemctl-redirect 15 main start"
                        + " (or point " + SERVER_ENV + " at another server)", e);
            }
            throw new IllegalStateException("cannot run '" + sql + "' on the test PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static String server() {
        String configured = System.getenv(SERVER_ENV);
        return configured == null || configured.isBlank() ? DEFAULT_SERVER : configured;
    }

    /** The server URL with its database path replaced by {@code database}. */
    private static String urlOf(String database) {
        String server = server();
        int query = server.indexOf('?');
        String base = query < 0 ? server : server.substring(0, query);
        String parameters = query < 0 ? "" : server.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String hostPort = slash < 0 ? base : base.substring(0, slash);
        return hostPort + "/" + database + parameters;
    }
}
