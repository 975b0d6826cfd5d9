package dev.portolan.catalog.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.Actor;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.audit.AuditAction;
import dev.portolan.catalog.audit.AuditRecord;
import dev.portolan.catalog.audit.AuditTrail;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.Relation;
import dev.portolan.catalog.store.CatalogTransaction;
import dev.portolan.catalog.store.RelationTargets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deletes entities inside one transaction, keeping relations sound:
 * <ul>
 *   <li>an entity whose <em>required</em> relation points at a deleted one is a dependent: with
 *       {@code deleteDependents} it is deleted too (and so on, transitively), without it the whole
 *       delete is refused with 409 and nothing changes;</li>
 *   <li>an optional relation pointing at a deleted entity is cleared on the entity that has it
 *       (an update, audited like any other).</li>
 * </ul>
 */
final class EntityDeletion {

    private final CatalogTransaction tx;
    private final Map<String, Blueprint> blueprints;
    private final Actor actor;
    private final Instant now;

    EntityDeletion(CatalogTransaction tx, Map<String, Blueprint> blueprints, Actor actor, Instant now) {
        this.tx = tx;
        this.blueprints = blueprints;
        this.actor = actor;
        this.now = now;
    }

    /** @return every deleted entity, dependents included */
    List<EntityKey> delete(Collection<EntityKey> roots, boolean deleteDependents) {
        Set<EntityKey> doomed = new LinkedHashSet<>(roots);
        Map<EntityKey, List<RelationEdge>> toClear = new LinkedHashMap<>();
        List<EntityKey> frontier = new ArrayList<>(roots);
        while (!frontier.isEmpty()) {
            List<EntityKey> next = new ArrayList<>();
            for (RelationEdge edge : tx.findEdgesTo(frontier)) {
                if (doomed.contains(edge.source())) continue;
                Relation relation = relationOf(edge);
                if (relation != null && relation.required()) {
                    if (!deleteDependents) throw dependentsExist(edge);
                    doomed.add(edge.source());
                    next.add(edge.source());
                } else {
                    toClear.computeIfAbsent(edge.source(), k -> new ArrayList<>()).add(edge);
                }
            }
            frontier = next;
        }
        doomed.forEach(toClear::remove);
        clearRelations(toClear);
        deleteAll(doomed);
        return List.copyOf(doomed);
    }

    private Relation relationOf(RelationEdge edge) {
        Blueprint source = blueprints.get(edge.source().blueprint());
        return source == null ? null : source.relations().get(edge.relation());
    }

    private CatalogException dependentsExist(RelationEdge edge) {
        return CatalogException.conflict("has_dependents", "Entity '" + edge.target().identifier() + "' of blueprint '"
                + edge.target().blueprint() + "' is required by entity '" + edge.source().identifier() + "' of blueprint '"
                + edge.source().blueprint() + "' (relation '" + edge.relation()
                + "'); delete that first, or use delete_dependents=true");
    }

    private void deleteAll(Set<EntityKey> doomed) {
        Map<String, List<String>> byBlueprint = new LinkedHashMap<>();
        doomed.forEach(key -> byBlueprint.computeIfAbsent(key.blueprint(), b -> new ArrayList<>()).add(key.identifier()));
        List<AuditRecord> audit = new ArrayList<>();
        byBlueprint.forEach((blueprint, identifiers) -> {
            Map<String, Entity> before = tx.findEntities(blueprint, identifiers);
            tx.deleteEntities(blueprint, identifiers);
            before.values().forEach(entity -> audit.add(AuditTrail.success(AuditTrail.ENTITY, entity.identifier(), blueprint,
                    AuditAction.DELETE, actor, now, EntityJson.write(entity), null)));
        });
        if (!audit.isEmpty()) tx.appendAudit(audit);
    }

    private void clearRelations(Map<EntityKey, List<RelationEdge>> toClear) {
        Map<String, List<RelationEdge>> byBlueprint = new LinkedHashMap<>();
        toClear.forEach((source, edges) -> byBlueprint.computeIfAbsent(source.blueprint(), b -> new ArrayList<>()).addAll(edges));
        List<AuditRecord> audit = new ArrayList<>();
        byBlueprint.forEach((blueprint, edges) -> {
            Map<String, Entity> sources = tx.findEntities(blueprint, edges.stream().map(e -> e.source().identifier()).distinct().toList());
            List<EntityWrite> updates = new ArrayList<>();
            sources.values().forEach(before -> {
                ObjectNode relations = before.relations().deepCopy();
                edges.stream().filter(e -> e.source().identifier().equals(before.identifier()))
                        .forEach(e -> removeTarget(relations, e.relation(), e.target().identifier()));
                Entity after = new Entity(before.identifier(), before.title(), before.icon(), before.team(), blueprint,
                        before.properties(), relations, before.createdAt(), before.createdBy(), now, actor.origin(),
                        before.datasource());
                updates.add(new EntityWrite(after, ContentHash.of(after)));
                audit.add(AuditTrail.success(AuditTrail.ENTITY, after.identifier(), blueprint, AuditAction.UPDATE, actor, now,
                        EntityJson.write(before), EntityJson.write(after)));
            });
            tx.updateEntities(updates, RelationTargets.of(blueprints.values()));
        });
        if (!audit.isEmpty()) tx.appendAudit(audit);
    }

    private static void removeTarget(ObjectNode relations, String relation, String target) {
        JsonNode value = relations.get(relation);
        if (value instanceof ArrayNode many) {
            for (int i = many.size() - 1; i >= 0; i--) {
                if (many.get(i).asText().equals(target)) many.remove(i);
            }
        } else if (value != null && value.asText().equals(target)) {
            relations.putNull(relation);
        }
    }
}
