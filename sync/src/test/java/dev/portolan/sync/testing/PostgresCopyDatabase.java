package dev.portolan.sync.testing;

import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.PostgresTestDatabase;
import dev.portolan.store.testing.TestDatabase;
import dev.portolan.store.testing.TestDatabases;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A fresh PostgreSQL test database made as a copy of one migrated once per JVM
 * ({@code CREATE DATABASE ... TEMPLATE}), so each test skips the migrations; dropped in the
 * background when closed, and the template when the JVM exits. Same server and settings as the
 * store's {@link PostgresTestDatabase} (whose database serves as the template).
 */
final class PostgresCopyDatabase implements TestDatabase {

    private static PostgresTestDatabase template;
    private static final ExecutorService DROPS = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "test-database-drops");
        thread.setDaemon(true);
        return thread;
    });

    private final String name;
    private final String url;

    PostgresCopyDatabase() {
        PostgresTestDatabase source = template();
        this.name = "portolan_sync_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        this.url = source.jdbcUrl().replace("/" + source.databaseName(), "/" + name);
        admin(source, "CREATE DATABASE " + name + " TEMPLATE " + source.databaseName());
    }

    private static synchronized PostgresTestDatabase template() {
        if (template == null) {
            PostgresTestDatabase created = TestDatabases.postgresql();
            try (CatalogStore migrated = created.openStore()) {
                migrated.dialect();
            }
            template = created;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                DROPS.shutdown();
                try {
                    DROPS.awaitTermination(60, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                created.close();
            }, "test-database-template-drop"));
        }
        return template;
    }

    @Override
    public String dialect() {
        return "postgresql";
    }

    @Override
    public String jdbcUrl() {
        return url;
    }

    @Override
    public void close() {
        PostgresTestDatabase source = template;
        DROPS.submit(() -> admin(source, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    @Override
    public String toString() {
        return "postgresql " + name;
    }

    private static void admin(PostgresTestDatabase source, String sql) {
        String adminUrl = source.jdbcUrl().replace("/" + source.databaseName(), "/postgres");
        try (Connection connection = DriverManager.getConnection(adminUrl); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the test PostgreSQL: " + e.getMessage(), e);
        }
    }
}
