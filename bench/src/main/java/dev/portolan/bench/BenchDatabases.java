package dev.portolan.bench;

import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.Stores;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Fresh databases for a benchmark run: SQLite in a temporary directory (deleted afterwards), and a
 * PostgreSQL database created on 127.0.0.1:5432 (user postgres) and dropped afterwards.
 */
public final class BenchDatabases {

    /** What a benchmark does with one fresh store of one dialect. */
    @FunctionalInterface
    public interface Run {
        void on(String dialect, CatalogStore store) throws Exception;
    }

    private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private BenchDatabases() {}

    /** Runs {@code run} on SQLite and/or PostgreSQL, as {@code which} says ({@code sqlite}, {@code postgresql}, {@code both}). */
    public static void each(String which, String name, Run run) throws Exception {
        if (!which.equals("postgresql")) {
            Path dir = Files.createTempDirectory(name);
            try (CatalogStore store = Stores.sqlite(dir)) {
                run.on("sqlite", store);
            } finally {
                if (System.getenv("BENCH_KEEP_SQLITE") == null) deleteDirectory(dir);
                else System.out.println("kept " + dir);
            }
        }
        if (!which.equals("sqlite")) {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            execute("CREATE DATABASE " + name);
            try (CatalogStore store = Stores.open(postgresUrl(name))) {
                run.on("postgresql", store);
            } finally {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    /** The JDBC URL of the PostgreSQL database {@link #each} creates under {@code name}. */
    public static String postgresUrl(String name) {
        return "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres";
    }

    /** The SQLite file and its WAL go after the run: a 1M-entity database is gigabytes of /tmp. */
    private static void deleteDirectory(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) Files.deleteIfExists(file);
        }
        Files.deleteIfExists(dir);
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
