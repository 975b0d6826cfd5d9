package dev.portolan.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The connections of one store: a pool for read-write transactions, one for read-only ones (the
 * same pool on PostgreSQL), and a plain data source for migrations.
 *
 * <p>SQLite allows one writer at a time, so its write pool holds a single connection: writers of
 * this process queue for it instead of spinning on {@code SQLITE_BUSY}; readers use their own
 * connections and, in WAL mode, never wait for the writer.
 */
record Pools(HikariDataSource writer, HikariDataSource reader, DataSource migrations, WalCheckpoints checkpoints)
        implements AutoCloseable {

    private static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;
    private static final int SQLITE_READERS = 4;
    private static final int POSTGRES_CONNECTIONS = 10;

    static Pools sqlite(String jdbcUrl) {
        createParentDirectory(jdbcUrl);
        SQLiteConfig writeConfig = sqliteConfig();
        // Batches of 1,000 entities touch many index pages; a 64 MB cache keeps them between batches.
        writeConfig.setCacheSize(-65_536);
        boolean background = !Boolean.getBoolean("portolan.sqlite.foregroundCheckpoints");
        if (background) writeConfig.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, "0"); // WalCheckpoints does it
        SQLiteDataSource writeSource = new SQLiteDataSource(writeConfig);
        writeSource.setUrl(jdbcUrl);
        SQLiteDataSource readSource = new SQLiteDataSource(sqliteConfig());
        readSource.setUrl(jdbcUrl);

        HikariConfig writer = new HikariConfig();
        writer.setPoolName("portolan-sqlite-write");
        writer.setDataSource(writeSource);
        writer.setMaximumPoolSize(1);
        writer.setAutoCommit(true); // transactions are begun explicitly (BEGIN IMMEDIATE), see SqliteDialect
        writer.setConnectionTimeout(120_000); // queued writers wait for the single connection

        HikariConfig reader = new HikariConfig();
        reader.setPoolName("portolan-sqlite-read");
        reader.setDataSource(readSource);
        reader.setMaximumPoolSize(SQLITE_READERS);
        reader.setAutoCommit(true);
        reader.setConnectionInitSql("PRAGMA query_only = true");
        SQLiteDataSource checkpointSource = new SQLiteDataSource(sqliteConfig());
        checkpointSource.setUrl(jdbcUrl);
        return new Pools(new HikariDataSource(writer), new HikariDataSource(reader), writeSource,
                background ? new WalCheckpoints(checkpointSource) : null);
    }

    static Pools postgres(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("portolan-postgresql");
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(POSTGRES_CONNECTIONS);
        config.setAutoCommit(false);
        // Turns a JDBC batch of INSERTs into multi-row INSERTs: one round trip per batch.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        // No JIT compilation of queries: it pays off for long analytical queries, not for ours, and the
        // planner turns it on from cost estimates alone. A relatedTo's recursive walk is estimated at
        // ten times its real rows, so every such page spent 15-16 ms compiling a plan that then ran in 35.
        config.setConnectionInitSql("SET jit = off");
        HikariDataSource pool = new HikariDataSource(config);
        return new Pools(pool, pool, pool, null);
    }

    private static SQLiteConfig sqliteConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        return config;
    }

    private static void createParentDirectory(String jdbcUrl) {
        String path = jdbcUrl.substring("jdbc:sqlite:".length());
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.isEmpty() || path.startsWith(":memory:")) {
            throw new IllegalArgumentException("an SQLite store needs a database file, not '" + jdbcUrl + "'");
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + path, e);
        }
    }

    @Override
    public void close() {
        writer.close();
        if (reader != writer) {
            reader.close();
        }
        if (checkpoints != null) {
            checkpoints.close();
        }
    }
}
