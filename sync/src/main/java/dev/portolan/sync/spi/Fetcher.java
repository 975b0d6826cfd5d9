package dev.portolan.sync.spi;

/**
 * Reads one kind of raw object page by page, so that no resync ever holds a whole source in memory.
 * Called from one thread; a new fetcher is made for every resource of every resync.
 */
public interface Fetcher {

    /**
     * @param cursor null for the first page, then the {@link Page#nextCursor()} of the previous page
     * @throws FetchException when the source cannot be read; the resync marks the resource failed
     *                        and deletes nothing
     */
    Page fetch(String cursor) throws FetchException;
}
