package dev.portolan.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies SQLite's write-ahead log back into the database file from a thread of its own, so that the
 * writer does not. SQLite's default is to checkpoint inside the commit that takes the log past 1,000
 * pages, and a batch of entities that touches many index pages pays for that copy and its fsync in
 * its own commit time; with the write connection's automatic checkpoints off, this thread runs a
 * {@code PASSIVE} checkpoint (it never waits for the writer or readers) every
 * {@value #INTERVAL_MS} ms. Durability is unchanged: a commit is in the log before it returns, and
 * the log is replayed after a crash. On close, a last {@code TRUNCATE} checkpoint empties the log.
 *
 * <p>A passive checkpoint never lets the log start over: the writer starts again at the beginning of
 * the log only when, as it begins, every frame has been copied back, and during a resync it begins
 * its next batch long before that. So the log grew by every page written, gigabytes over a large
 * resync, and every commit appended to an ever larger file (a cold resync of 200,000 entities wrote
 * an 800 MB log, and spent about a quarter more CPU than with the log kept small). When the log holds
 * more than {@code restartFrames} frames, this thread also runs a {@code RESTART} checkpoint: it
 * waits for the writer's transaction to end, copies what is left, and makes the next transaction
 * write from the beginning of the log again. New writers wait while it runs; it gives up after
 * {@value #RESTART_WAIT_MS} ms (a long transaction or a long read holds it up) and tries again at the
 * next turn, so no writer waits longer than that for it. A resync's writer holds the write lock for
 * nearly all of its time and leaves it few chances: at 200,000 entities the log still reached
 * 100-360 MB (800 MB without it). Making the writer give way at its next transaction while a restart
 * is pending would keep it near the threshold; not tried yet.
 */
final class WalCheckpoints implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpoints.class);
    static final int INTERVAL_MS = 200;
    /** 16 MB of 4 kB pages: a few batches of a resync. */
    static final int RESTART_FRAMES = 4_096;
    static final int RESTART_WAIT_MS = 250;

    private final DataSource source;
    private final int restartFrames;
    private volatile Thread thread;
    private volatile boolean running = true;
    private final AtomicLong restarts = new AtomicLong();

    WalCheckpoints(DataSource source) {
        this(source, RESTART_FRAMES);
    }

    WalCheckpoints(DataSource source, int restartFrames) {
        this.source = source;
        this.restartFrames = restartFrames;
    }

    /**
     * Starts the thread: once the schema is migrated, since a restart makes a transaction that read
     * before it writes fail at once (Flyway's are such), where the store's own writers begin with
     * the write lock ({@code BEGIN IMMEDIATE}) and wait.
     */
    synchronized void start() {
        if (thread == null && running) {
            thread = Thread.ofPlatform().daemon().name("portolan-sqlite-checkpoints").start(this::loop);
        }
    }

    private void loop() {
        try (Connection connection = source.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = " + RESTART_WAIT_MS);
            }
            while (running) {
                try {
                    Thread.sleep(INTERVAL_MS);
                } catch (InterruptedException e) {
                    return;
                }
                checkpoint(connection);
            }
        } catch (SQLException e) {
            LOG.warn("SQLite background checkpoints stopped: {}", e.getMessage());
        }
    }

    /** One turn: a passive checkpoint, and a restart of the log when it has grown past {@code restartFrames}. */
    private void checkpoint(Connection connection) {
        Result passive = checkpoint(connection, "PASSIVE");
        if (passive != null && passive.logFrames() > restartFrames) {
            Result restart = checkpoint(connection, "RESTART");
            if (restart != null && !restart.busy()) restarts.incrementAndGet();
        }
    }

    /** How many times the log was made to start over (for tests). */
    long restarts() {
        return restarts.get();
    }

    /** What {@code PRAGMA wal_checkpoint} answers: whether it was kept from finishing, and the log's size in frames. */
    private record Result(boolean busy, int logFrames) {}

    /** @return null if the checkpoint did not run */
    private static Result checkpoint(Connection connection, String mode) {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            return result.next() ? new Result(result.getInt(1) != 0, result.getInt(2)) : null;
        } catch (SQLException e) {
            LOG.debug("SQLite checkpoint ({}) did not run: {}", mode, e.getMessage());
            return null;
        }
    }

    @Override
    public void close() {
        Thread started;
        synchronized (this) {
            running = false;
            started = thread;
        }
        if (started != null) {
            started.interrupt();
            try {
                started.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Connection connection = source.getConnection()) {
            checkpoint(connection, "TRUNCATE");
        } catch (SQLException e) {
            LOG.debug("SQLite final checkpoint did not run: {}", e.getMessage());
        }
    }
}
