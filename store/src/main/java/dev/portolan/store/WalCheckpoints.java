package dev.portolan.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Copies SQLite's write-ahead log back into the database file from a thread of its own, so that the
 * writer does not. SQLite's default is to checkpoint inside the commit that takes the log past 1,000
 * pages, and a batch of entities that touches many index pages pays for that copy and its fsync in
 * its own commit time; with the write connection's automatic checkpoints off, this thread runs a
 * {@code PASSIVE} checkpoint (it never waits for the writer or readers) every
 * {@value #INTERVAL_MS} ms. Durability is unchanged: a commit is in the log before it returns, and
 * the log is replayed after a crash. On close, a last {@code TRUNCATE} checkpoint empties the log.
 */
final class WalCheckpoints implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpoints.class);
    static final int INTERVAL_MS = 200;

    private final DataSource source;
    private final Thread thread;
    private volatile boolean running = true;

    WalCheckpoints(DataSource source) {
        this.source = source;
        this.thread = Thread.ofPlatform().daemon().name("portolan-sqlite-checkpoints").start(this::loop);
    }

    private void loop() {
        try (Connection connection = source.getConnection()) {
            while (running) {
                try {
                    Thread.sleep(INTERVAL_MS);
                } catch (InterruptedException e) {
                    return;
                }
                checkpoint(connection, "PASSIVE");
            }
        } catch (SQLException e) {
            LOG.warn("SQLite background checkpoints stopped: {}", e.getMessage());
        }
    }

    private static void checkpoint(Connection connection, String mode) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(" + mode + ")");
        } catch (SQLException e) {
            LOG.debug("SQLite checkpoint ({}) did not run: {}", mode, e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Connection connection = source.getConnection()) {
            checkpoint(connection, "TRUNCATE");
        } catch (SQLException e) {
            LOG.debug("SQLite final checkpoint did not run: {}", e.getMessage());
        }
    }
}
