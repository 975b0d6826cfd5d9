package dev.portolan.store;

import dev.portolan.catalog.store.CatalogStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * {@link CatalogStore} over JDBC. Each unit of work gets a connection from the pool, one
 * transaction, and a {@link JdbcCatalogTransaction}; writes that lose a race with another writer are
 * run again from the start, up to {@value #MAX_ATTEMPTS} times, with a short random back-off.
 */
final class JdbcCatalogStore implements CatalogStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcCatalogStore.class);
    static final int MAX_ATTEMPTS = 10;

    /** Nested writes would deadlock on SQLite's single write connection; they are refused everywhere alike. */
    private static final ThreadLocal<Boolean> IN_WRITE = ThreadLocal.withInitial(() -> false);

    private final Pools pools;
    private final Dialect dialect;
    private final Clock clock;

    private JdbcCatalogStore(Pools pools, Dialect dialect, Clock clock) {
        this.pools = pools;
        this.dialect = dialect;
        this.clock = clock;
    }

    /** Migrates the schema and returns the store; closes the pools when migration fails. */
    static JdbcCatalogStore start(Pools pools, Dialect dialect) {
        Dialect offered;
        try {
            Migrations.migrate(pools.migrations(), dialect);
            try (Connection connection = pools.migrations().getConnection()) {
                offered = dialect.asOfferedBy(connection);
            }
            if (pools.checkpoints() != null) pools.checkpoints().start(); // not during migrations: see WalCheckpoints.start
        } catch (RuntimeException | SQLException e) {
            pools.close();
            throw new StoreException("cannot migrate the " + dialect.name() + " database: " + e.getMessage(), e);
        }
        return new JdbcCatalogStore(pools, offered, Clock.systemUTC());
    }

    @Override
    public <T> T write(UnitOfWork<T> work) {
        if (IN_WRITE.get()) {
            throw new IllegalStateException("nested CatalogStore.write: do all writes of one operation in one unit of work");
        }
        IN_WRITE.set(true);
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return runOnce(work, true);
                } catch (RuntimeException e) {
                    if (attempt >= MAX_ATTEMPTS || !isRetryable(e)) {
                        throw e;
                    }
                    LOG.debug("write conflict on {} (attempt {}), running the unit of work again: {}",
                            dialect.name(), attempt, e.getMessage());
                    backOff(attempt);
                }
            }
        } finally {
            IN_WRITE.remove();
        }
    }

    @Override
    public <T> T read(UnitOfWork<T> work) {
        return runOnce(work, false);
    }

    @Override
    public String dialect() {
        return dialect.name();
    }

    @Override
    public void close() {
        pools.close();
    }

    private <T> T runOnce(UnitOfWork<T> work, boolean write) {
        if (write && pools.checkpoints() != null) pools.checkpoints().giveWayToRestart();
        try (Connection connection = (write ? pools.writer() : pools.reader()).getConnection()) {
            dialect.begin(connection, write);
            JdbcCatalogTransaction tx = new JdbcCatalogTransaction(connection, dialect, write, clock);
            try {
                T result = work.run(tx);
                dialect.commit(connection);
                if (write) {
                    afterWrite(connection);
                }
                return result;
            } catch (RuntimeException | Error | SQLException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                tx.close();
            }
        } catch (SQLException e) {
            throw new StoreException("database error on " + dialect.name() + ": " + e.getMessage(), e);
        }
    }

    private void afterWrite(Connection connection) {
        try {
            dialect.afterWrite(connection);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("housekeeping after a write on {} failed (the write itself is committed): {}", dialect.name(), e.getMessage());
        }
    }

    private void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            dialect.rollback(connection);
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private boolean isRetryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (dialect.isRetryable(next)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void backOff(int attempt) {
        long maxMillis = Math.min(200, 5L << Math.min(attempt, 6));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1, maxMillis + 1) * 1_000_000L);
    }
}
