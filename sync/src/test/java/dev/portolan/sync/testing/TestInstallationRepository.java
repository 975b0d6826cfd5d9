package dev.portolan.sync.testing;

import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.integration.SyncEvent;
import dev.portolan.catalog.integration.SyncRecord;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.catalog.store.CatalogTransaction;
import dev.portolan.sync.host.InstallationRepository;

import java.util.List;
import java.util.Optional;

/**
 * Installations, sync reports and event logs in the test's real store (the server keeps them the
 * same way; its class cannot be imported from sync). Adds {@link #awaitFinishedReports}, so tests
 * of background resyncs wait for an outcome instead of sleeping.
 */
public final class TestInstallationRepository implements InstallationRepository {

    private final CatalogStore store;
    private final Object finished = new Object();

    public TestInstallationRepository(CatalogStore store) {
        this.store = store;
    }

    @Override
    public Optional<Installation> find(String identifier) {
        return store.read(tx -> tx.findIntegration(identifier));
    }

    @Override
    public List<Installation> list() {
        return store.read(CatalogTransaction::listIntegrations);
    }

    @Override
    public void save(Installation installation) {
        store.write(tx -> {
            tx.saveIntegration(installation);
            return null;
        });
    }

    @Override
    public void delete(String identifier) {
        store.write(tx -> {
            tx.deleteIntegration(identifier);
            return null;
        });
    }

    @Override
    public void saveReport(SyncRecord sync) {
        store.write(tx -> {
            tx.saveSync(sync);
            return null;
        });
        if (sync.finishedAt() != null) {
            synchronized (finished) {
                finished.notifyAll();
            }
        }
    }

    @Override
    public List<SyncRecord> reports(String integration, int limit) {
        return store.read(tx -> tx.findSyncs(integration, limit));
    }

    @Override
    public Optional<SyncRecord> report(String integration, String resyncId) {
        return store.read(tx -> tx.findSync(integration, resyncId));
    }

    @Override
    public void appendEvents(List<SyncEvent> events) {
        store.write(tx -> {
            tx.appendSyncEvents(events);
            return null;
        });
    }

    @Override
    public List<SyncEvent> events(String integration, String resyncId, int limit) {
        return store.read(tx -> tx.findSyncEvents(integration, resyncId, limit));
    }

    /** Waits until {@code count} reports of {@code integration} are finished; returns them, newest first. */
    public List<SyncRecord> awaitFinishedReports(String integration, int count) {
        long deadline = System.nanoTime() + Gate.SAFETY_SECONDS * 1_000_000_000L;
        synchronized (finished) {
            while (true) {
                List<SyncRecord> done = reports(integration, 100).stream().filter(r -> r.finishedAt() != null).toList();
                if (done.size() >= count) return done;
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) throw new AssertionError("only " + done.size() + " of " + count + " resyncs of " + integration + " finished");
                try {
                    finished.wait(Math.min(left, 1000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }
}
