package dev.portolan.catalog.store;

/**
 * Where the catalog lives. Implemented by the {@code store} module over JDBC (SQLite and
 * PostgreSQL); the catalog itself does no I/O.
 *
 * <p>All access goes through a unit of work so that a service method's reads and writes are one
 * transaction: either everything it wrote is committed or nothing is. Implementations are
 * thread-safe; each call gets its own connection.
 */
public interface CatalogStore extends AutoCloseable {

    /**
     * Runs {@code work} in one read-write transaction and commits when it returns. Any exception
     * rolls everything back and propagates. When the database reports a serialization failure,
     * deadlock or a unique-key race with another writer (another thread or another server process),
     * the work is run again from the start, a bounded number of times: {@code work} must therefore
     * not have side effects outside the transaction.
     */
    <T> T write(UnitOfWork<T> work);

    /** Runs {@code work} in a read-only transaction (a consistent snapshot). */
    <T> T read(UnitOfWork<T> work);

    /** A short name for logs and errors: {@code sqlite} or {@code postgresql}. */
    String dialect();

    @Override
    void close();

    @FunctionalInterface
    interface UnitOfWork<T> {
        T run(CatalogTransaction tx);
    }
}
