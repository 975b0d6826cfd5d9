package dev.portolan.sync.host;

import dev.portolan.catalog.integration.ResyncLease;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ResyncLeases} of one process, in memory: the same rules as the database's, without another replica. */
final class InMemoryResyncLeases implements ResyncLeases {

    private final String holder = UUID.randomUUID().toString();
    private final Map<String, ResyncLease> leases = new ConcurrentHashMap<>();

    @Override
    public String holder() {
        return holder;
    }

    @Override
    public synchronized boolean take(String integration, String resyncId, Instant now, Instant expiresAt) {
        ResyncLease current = leases.get(integration);
        if (current != null && !current.expired(now)) return false;
        leases.put(integration, new ResyncLease(integration, holder, resyncId, expiresAt, false));
        return true;
    }

    @Override
    public synchronized Optional<ResyncLease> renew(String integration, String resyncId, Instant expiresAt) {
        ResyncLease current = leases.get(integration);
        if (current == null || !current.resyncId().equals(resyncId)) return Optional.empty();
        ResyncLease renewed = new ResyncLease(integration, holder, resyncId, expiresAt, current.abortRequested());
        leases.put(integration, renewed);
        return Optional.of(renewed);
    }

    @Override
    public synchronized void requestAbort(String integration) {
        leases.computeIfPresent(integration, (k, l) -> new ResyncLease(k, l.holder(), l.resyncId(), l.expiresAt(), true));
    }

    @Override
    public synchronized void release(String integration, String resyncId) {
        leases.computeIfPresent(integration, (k, l) -> l.resyncId().equals(resyncId) ? null : l);
    }

    @Override
    public Optional<ResyncLease> find(String integration) {
        return Optional.ofNullable(leases.get(integration));
    }
}
