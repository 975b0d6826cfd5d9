package dev.portolan.store;

/**
 * A database failure the caller cannot fix by changing its input: the connection broke, the
 * schema is not what the store expects, or a write kept conflicting after the bounded retries of
 * {@link dev.portolan.catalog.store.CatalogStore#write}. The cause is the driver's exception.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
