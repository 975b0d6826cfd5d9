package dev.portolan.sync.host;

import dev.portolan.catalog.integration.ResyncLease;
import dev.portolan.catalog.store.CatalogStore;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link ResyncLeases} in the catalog's database, shared by every server process on it (the same
 * table on SQLite, where one process runs, and on PostgreSQL, where several replicas may).
 */
public final class StoreResyncLeases implements ResyncLeases {

    private final CatalogStore store;
    private final String holder;

    /** Leases for this process, under a holder id made up now (unique per process start). */
    public StoreResyncLeases(CatalogStore store) {
        this(store, UUID.randomUUID().toString());
    }

    public StoreResyncLeases(CatalogStore store, String holder) {
        this.store = store;
        this.holder = holder;
    }

    @Override
    public String holder() {
        return holder;
    }

    @Override
    public boolean take(String integration, String resyncId, Instant now, Instant expiresAt) {
        return store.write(tx -> tx.takeResyncLease(new ResyncLease(integration, holder, resyncId, expiresAt, false), now));
    }

    @Override
    public Optional<ResyncLease> renew(String integration, String resyncId, Instant expiresAt) {
        return store.write(tx -> tx.renewResyncLease(integration, holder, resyncId, expiresAt));
    }

    @Override
    public void requestAbort(String integration) {
        store.write(tx -> {
            tx.requestResyncAbort(integration);
            return null;
        });
    }

    @Override
    public void release(String integration, String resyncId) {
        store.write(tx -> {
            tx.releaseResyncLease(integration, holder, resyncId);
            return null;
        });
    }

    @Override
    public Optional<ResyncLease> find(String integration) {
        return store.read(tx -> tx.findResyncLease(integration));
    }
}
