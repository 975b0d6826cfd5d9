package dev.portolan.sync.host;

import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.integration.SyncEvent;
import dev.portolan.catalog.integration.SyncRecord;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.catalog.store.CatalogTransaction;

import java.util.List;
import java.util.Optional;

/**
 * Installations, sync reports and event logs in a catalog's database, through the
 * {@link CatalogStore} interface (so the integration framework needs no storage code of its own).
 * The server uses it; tests extend it to observe saved reports.
 */
public class StoreInstallationRepository implements InstallationRepository {

    private final CatalogStore store;

    public StoreInstallationRepository(CatalogStore store) {
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
    public List<SyncRecord> runningReports() {
        return store.read(tx -> tx.findSyncsInState("syncing"));
    }

    @Override
    public boolean replaceRunningReport(SyncRecord sync) {
        return store.write(tx -> tx.replaceSyncIfState(sync, "syncing"));
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
}
