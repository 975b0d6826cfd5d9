package dev.portolan.catalog;

import dev.portolan.catalog.access.AccessService;
import dev.portolan.catalog.audit.AuditQuery;
import dev.portolan.catalog.audit.AuditRecord;
import dev.portolan.catalog.blueprint.BlueprintService;
import dev.portolan.catalog.entity.CalculationEvaluator;
import dev.portolan.catalog.entity.EntityEnricher;
import dev.portolan.catalog.entity.EntityService;
import dev.portolan.catalog.store.CatalogStore;

import java.time.Clock;
import java.util.List;

/**
 * The catalog: blueprints, entities, the audit log, and who may use them, over a
 * {@link CatalogStore}. One instance per process; thread-safe. Operations that span areas (deleting
 * a blueprint with its entities) live here; the rest is in the area services.
 */
public final class CatalogService {

    private final CatalogStore store;
    private final BlueprintService blueprints;
    private final EntityService entities;
    private final AccessService access;

    public CatalogService(CatalogStore store, Clock clock, CalculationEvaluator calculations) {
        this.store = store;
        this.blueprints = new BlueprintService(store, clock, calculations);
        this.entities = new EntityService(store, clock, new EntityEnricher(calculations));
        this.access = new AccessService(store, clock);
    }

    public BlueprintService blueprints() {
        return blueprints;
    }

    public EntityService entities() {
        return entities;
    }

    public AccessService access() {
        return access;
    }

    /**
     * Deletes a blueprint; with {@code deleteEntities} its entities (and their dependents) first.
     * Refused with 409, before anything is deleted, when other blueprints' relations target it.
     */
    public void deleteBlueprint(String identifier, boolean deleteEntities, Actor actor) {
        blueprints.checkDeletable(identifier, deleteEntities);
        if (deleteEntities) entities.deleteAll(identifier, true, actor);
        blueprints.delete(identifier, actor);
    }

    /** Newest first. */
    public List<AuditRecord> audit(AuditQuery query) {
        return store.read(tx -> tx.findAudit(query));
    }
}
