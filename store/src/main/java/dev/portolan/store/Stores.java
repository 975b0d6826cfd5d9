package dev.portolan.store;

import dev.portolan.catalog.store.CatalogStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a {@link CatalogStore}: the entry point of this module. Opening runs the schema migrations,
 * so a fresh database is ready to use; an up-to-date one is only checked.
 *
 * <pre>{@code
 * try (CatalogStore store = Stores.sqlite(Path.of("data"))) { ... }
 * try (CatalogStore store = Stores.open("jdbc:postgresql://127.0.0.1:5432/portolan?user=postgres")) { ... }
 * }</pre>
 */
public final class Stores {

    /** The SQLite database file that {@link #sqlite(Path)} keeps in the data directory. */
    public static final String SQLITE_FILE = "portolan.db";

    private Stores() {}

    /**
     * Opens the store at a JDBC URL: {@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://...}.
     *
     * @throws IllegalArgumentException when the URL names another database
     * @throws StoreException when the database cannot be reached or migrated
     */
    public static CatalogStore open(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return JdbcCatalogStore.start(connect(jdbcUrl, Pools::sqlite), new SqliteDialect());
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return JdbcCatalogStore.start(connect(jdbcUrl, Pools::postgres), new PostgresDialect());
        }
        throw new IllegalArgumentException("unsupported database URL '" + withoutParameters(jdbcUrl)
                + "': use jdbc:sqlite:<file> or jdbc:postgresql://<host>:<port>/<database>");
    }

    private static Pools connect(String jdbcUrl, java.util.function.Function<String, Pools> pools) {
        try {
            return pools.apply(jdbcUrl);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to " + withoutParameters(jdbcUrl) + ": " + rootMessage(e), e);
        }
    }

    /** The URL without its parameters, which may hold a password. */
    private static String withoutParameters(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** Opens (creating when missing) the SQLite store {@value #SQLITE_FILE} in {@code dataDir}. */
    public static CatalogStore sqlite(Path dataDir) {
        return open(sqliteUrl(dataDir));
    }

    /** The JDBC URL of the SQLite store in {@code dataDir}; creates the directory when missing. */
    public static String sqliteUrl(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        return "jdbc:sqlite:" + dataDir.resolve(SQLITE_FILE).toAbsolutePath();
    }
}
