package dev.portolan.sync.host;

import dev.portolan.catalog.integration.ResyncLease;

import java.time.Instant;
import java.util.Optional;

/**
 * Coordinates the resyncs of one integration between the processes (replicas) that share a
 * catalog: the one holding an integration's lease runs its resync; it renews the lease while the
 * resync runs, and another process may take a lease that has lapsed (its holder died). Each
 * process has one holder id. Thread-safe.
 *
 * <p>The server keeps leases in its database ({@link StoreResyncLeases}, SQLite and PostgreSQL
 * alike); a standalone integration process, which resyncs only its own installation, keeps them
 * in memory ({@link #inMemory()}).
 */
public interface ResyncLeases {

    /** This process's holder id. */
    String holder();

    /** Takes the lease of {@code integration} for {@code resyncId} until {@code expiresAt}, if no live lease exists. */
    boolean take(String integration, String resyncId, Instant now, Instant expiresAt);

    /** Extends this process's lease; the lease as it stands (an abort may have been requested), or empty when it was lost. */
    Optional<ResyncLease> renew(String integration, String resyncId, Instant expiresAt);

    /** Asks whichever process holds the lease to abort its resync. */
    void requestAbort(String integration);

    void release(String integration, String resyncId);

    Optional<ResyncLease> find(String integration);

    /** Leases kept in this process only: for a process that is the only one resyncing its installations. */
    static ResyncLeases inMemory() {
        return new InMemoryResyncLeases();
    }
}
