package dev.portolan.store.testing;

import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.Stores;

/**
 * A fresh, empty database of one dialect for one test (or one test class): open stores on it, or
 * start a server with its {@link #jdbcUrl()}. {@link #close()} deletes it.
 */
public interface TestDatabase extends AutoCloseable {

    /** {@code sqlite} or {@code postgresql}, as {@link CatalogStore#dialect()}. */
    String dialect();

    /** What {@link Stores#open(String)} (and the server's {@code --db}) takes. */
    String jdbcUrl();

    /** A new store on this database (migrated on open); the caller closes it. */
    default CatalogStore openStore() {
        return Stores.open(jdbcUrl());
    }

    /** Deletes the database. Stores still open on it fail from then on. */
    @Override
    void close();
}
