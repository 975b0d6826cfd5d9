package dev.portolan.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.BusyHandler;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

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
 * an 800 MB log, and spent a tenth to a quarter more CPU than with the log restarted). When the log holds
 * more than {@code restartFrames} frames, this thread also runs a {@code RESTART} checkpoint: it
 * waits for the writer's transaction to end, copies what is left, and makes the next transaction
 * write from the beginning of the log again. A resync's writer holds the write lock for nearly all of
 * its time (its Java work happens inside the transaction), so on its own the restart seldom got in
 * (at 200,000 entities the log still reached 100-360 MB); while a restart is pending the store's
 * writer therefore waits before it begins its next transaction ({@link #giveWayToRestart}), at most
 * {@value #RESTART_WAIT_MS} ms. The restart gives up after as long (a long transaction or a long read
 * holds it up) and tries again at the next turn, so no writer waits longer than that for it.
 */
final class WalCheckpoints implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpoints.class);
    static final int INTERVAL_MS = 200;
    /** 16 MB of 4 kB pages: a few batches of a resync. */
    static final int RESTART_FRAMES = 4_096;
    static final int RESTART_WAIT_MS = 250;

    private final DataSource source;
    private final int restartFrames;
    private final int restartWaitMs;
    private volatile Thread thread;
    private volatile boolean running = true;
    private final AtomicLong restarts = new AtomicLong();
    private final AtomicLong givenUp = new AtomicLong();
    /** Guards {@link #restartPending}: the writer waits on it while a restart runs. */
    private final Object turn = new Object();
    private boolean restartPending;

    WalCheckpoints(DataSource source) {
        this(source, RESTART_FRAMES, RESTART_WAIT_MS);
    }

    WalCheckpoints(DataSource source, int restartFrames, int restartWaitMs) {
        this.source = source;
        this.restartFrames = restartFrames;
        this.restartWaitMs = restartWaitMs;
    }

    /**
     * Called by the store before it begins a write transaction: while a restart is pending, waits
     * for it to finish (at most the restart's own time limit), so that it gets the write lock
     * between two transactions instead of retrying against a writer that never lets go.
     */
    void giveWayToRestart() {
        synchronized (turn) {
            long deadline = System.nanoTime() + restartWaitMs * 1_000_000L;
            while (restartPending) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return;
                try {
                    turn.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
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
            // SQLite's own busy handler sleeps longer and longer between tries (up to 100 ms); this
            // one tries again every millisecond, so a writer that gives way waits a millisecond or two.
            BusyHandler.setHandler(connection, new BusyHandler() {
                private long firstTry;

                @Override
                protected int callback(int tries) {
                    if (tries == 0) firstTry = System.nanoTime();
                    if (System.nanoTime() - firstTry > restartWaitMs * 1_000_000L) return 0; // give up
                    LockSupport.parkNanos(1_000_000);
                    return 1;
                }
            });
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
            synchronized (turn) {
                restartPending = true;
            }
            try {
                Result restart = checkpoint(connection, "RESTART");
                (restart != null && !restart.busy() ? restarts : givenUp).incrementAndGet();
            } finally {
                synchronized (turn) {
                    restartPending = false;
                    turn.notifyAll();
                }
            }
        }
    }

    /** How many times the log was made to start over (for tests). */
    long restarts() {
        return restarts.get();
    }

    /** How many restarts gave up, kept from finishing by a writer or a reader (for tests). */
    long restartsGivenUp() {
        return givenUp.get();
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
