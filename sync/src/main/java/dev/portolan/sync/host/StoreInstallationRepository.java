package dev.portolan.sync.host;

import dev.portolan.catalog.entity.EntityKey;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.integration.SyncEvent;
import dev.portolan.catalog.integration.SyncEventQuery;
import dev.portolan.catalog.integration.SyncRecord;
import dev.portolan.catalog.integration.SyncSample;
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
    public Optional<String> mappingText(String integration) {
        return store.read(tx -> tx.findMappingText(integration));
    }

    @Override
    public void saveMappingText(String integration, String yaml) {
        store.write(tx -> {
            tx.saveMappingText(integration, yaml);
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
    public void saveSamples(List<SyncSample> samples) {
        if (samples.isEmpty()) return;
        String integration = samples.getFirst().integration();
        store.write(tx -> {
            tx.saveSyncSamples(samples);
            tx.deleteSyncSamplesExcept(integration, tx.findSampledResyncs(integration, KEPT_SAMPLED_RESYNCS));
            return null;
        });
    }

    @Override
    public List<SyncSample> samples(String integration, String resyncId, Integer resourceIndex) {
        return store.read(tx -> {
            String resync = resyncId != null ? resyncId : tx.findSampledResyncs(integration, 1).stream().findFirst().orElse(null);
            return resync == null ? List.<SyncSample>of() : tx.findSyncSamples(integration, resync, resourceIndex, true);
        });
    }

    @Override
    public Optional<SyncSample> sampleOf(String integration, EntityKey entity) {
        return store.read(tx -> {
            String resync = tx.findSampledResyncs(integration, 1).stream().findFirst().orElse(null);
            if (resync == null) return Optional.<SyncSample>empty();
            // Keys first (small), then the one raw object that produced the entity.
            return tx.findSyncSamples(integration, resync, null, false).stream().filter(s -> s.entities().contains(entity)).findFirst()
                    .flatMap(found -> tx.findSyncSamples(integration, resync, found.resourceIndex(), true).stream()
                            .filter(s -> s.position() == found.position()).findFirst());
        });
    }

    @Override
    public List<SyncEvent> events(SyncEventQuery query) {
        return store.read(tx -> tx.findSyncEvents(query));
    }
}
