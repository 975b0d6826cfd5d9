package dev.portolan.sync.host;

import dev.portolan.catalog.Actor;
import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.audit.AuditQuery;
import dev.portolan.catalog.audit.AuditRecord;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.entity.EntityKey;
import dev.portolan.catalog.integration.OceanUserAgent;
import dev.portolan.catalog.integration.SyncSample;

import java.util.List;
import java.util.Optional;

/**
 * Finds an entity's {@link Provenance} from what is already recorded: the audit log (which resync
 * and resource made each change) and the resyncs' samples. Reads only; thread-safe.
 */
public final class ProvenanceLookup {

    private final CatalogService catalog;
    private final InstallationRepository repository;

    public ProvenanceLookup(CatalogService catalog, InstallationRepository repository) {
        this.catalog = catalog;
        this.repository = repository;
    }

    /**
     * Empty when no integration owns the entity (it was written through the API). An Ocean
     * integration's datasource is its {@code User-Agent}; the integration is the identifier in it.
     */
    public Optional<Provenance> of(Entity entity) {
        String datasource = entity.datasource();
        if (datasource == null) return Optional.empty();
        String integration = OceanUserAgent.parse(datasource).map(OceanUserAgent::integration).orElse(datasource);
        List<AuditRecord> writes = catalog.audit(new AuditQuery(null, entity.blueprint(), entity.identifier(), null, "SUCCESS",
                "entity", Actor.integration(integration).origin(), null, null, 1));
        AuditRecord last = writes.isEmpty() ? null : writes.getFirst();
        SyncSample sample = repository.sampleOf(integration, new EntityKey(entity.blueprint(), entity.identifier())).orElse(null);
        return Optional.of(new Provenance(integration, last == null ? null : last.resync(), last == null ? null : last.timestamp(), sample));
    }
}
