package dev.portolan.catalog.entity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.Actor;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.audit.AuditAction;
import dev.portolan.catalog.audit.AuditRecord;
import dev.portolan.catalog.audit.AuditTrail;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.PropertySchema;
import dev.portolan.catalog.store.CatalogTransaction;
import dev.portolan.catalog.store.RelationTargets;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one batch of entity drafts of one blueprint inside one transaction, the way every entity
 * write goes (single create, bulk, sync ingestion):
 * <ol>
 *   <li>read the stored state of every identifier in one query;</li>
 *   <li>drop drafts whose content hash equals the stored one: <em>not changed</em>, no write;</li>
 *   <li>assemble the rest (merge or replace), validate them against the blueprint;</li>
 *   <li>check relation targets in one query (create placeholders when asked);</li>
 *   <li>insert, update and audit in batches.</li>
 * </ol>
 * A failing entity fails alone; the others of the batch are written. Identifiers in a batch are
 * unique (the caller splits repeats into later batches).
 */
final class EntityUpsert {

    private final CatalogTransaction tx;
    private final Blueprint blueprint;
    private final PropertySchema schema; // read from the blueprint's JSON once per batch
    private final Map<String, Blueprint> blueprints;
    private final WriteOptions options;
    private final Actor actor;
    private final Clock clock;
    /** Filled with the content hash of every entity written, by key, for the caller's {@link StoredHashes}. */
    private final Map<EntityKey, String> written;
    /** The time of this write: taken once the rows are locked (see {@link #run}). */
    private Instant now;

    EntityUpsert(CatalogTransaction tx, Blueprint blueprint, Map<String, Blueprint> blueprints,
                 WriteOptions options, Actor actor, Clock clock, Map<EntityKey, String> written) {
        this.tx = tx;
        this.written = written;
        this.blueprint = blueprint;
        this.schema = blueprint.properties();
        this.blueprints = blueprints;
        this.options = options;
        this.actor = actor;
        this.clock = clock;
    }

    /** @param drafts by position in the request; identifiers already assigned and unique */
    List<UpsertOutcome> run(Map<Integer, EntityDraft> drafts) {
        Map<Integer, UpsertOutcome> outcomes = new HashMap<>();
        List<String> identifiers = drafts.values().stream().map(EntityDraft::identifier).toList();
        Map<String, EntityState> states = tx.findEntityStates(blueprint.identifier(), identifiers);
        // Only now, with the rows locked (and on SQLite the database's write lock held), is the time
        // taken: a writer that waited for another one gets a later time, so per entity updatedAt
        // and the audit log's order follow the order of commits.
        now = clock.instant();

        Map<Integer, EntityDraft> changed = new LinkedHashMap<>();
        drafts.forEach((index, draft) -> {
            EntityState state = states.get(draft.identifier());
            if (state != null && !options.upsert()) {
                outcomes.put(index, UpsertOutcome.failure(index, draft.identifier(), CatalogException.conflict("identifier_taken",
                        "Entity '" + draft.identifier() + "' of blueprint '" + blueprint.identifier()
                                + "' already exists; use upsert=true to update it")));
            } else if (state != null && state.contentHash().equals(hashAsReplacement(draft))) {
                outcomes.put(index, new UpsertOutcome(index, draft.identifier(), UpsertOutcome.Status.UNCHANGED, null, null));
            } else {
                changed.put(index, draft);
            }
        });

        List<String> toRead = changed.values().stream().map(EntityDraft::identifier).filter(states::containsKey).toList();
        Map<String, Entity> stored = toRead.isEmpty() ? Map.of() : tx.findEntities(blueprint.identifier(), toRead);
        Map<Integer, EntityWrite> candidates = new LinkedHashMap<>();
        changed.forEach((index, draft) -> {
            Entity before = stored.get(draft.identifier());
            Entity after = EntityAssembler.assemble(draft, draft.identifier(), blueprint, schema, before, options.merge(),
                    now, actor.origin(), actor.datasource());
            List<Violation> violations = EntityRules.check(after, blueprint, schema);
            if (!violations.isEmpty()) {
                outcomes.put(index, UpsertOutcome.failure(index, draft.identifier(), CatalogException.invalid("invalid_entity",
                        "Entity '" + draft.identifier() + "' of blueprint '" + blueprint.identifier() + "'", violations)));
                return;
            }
            String hash = ContentHash.of(after);
            EntityState state = states.get(draft.identifier());
            if (state != null && state.contentHash().equals(hash)) {
                // A merge that adds nothing new: the stored hash already says so.
                outcomes.put(index, new UpsertOutcome(index, draft.identifier(), UpsertOutcome.Status.UNCHANGED, before, null));
            } else {
                candidates.put(index, new EntityWrite(after, hash));
            }
        });

        List<Entity> placeholders = checkRelationTargets(candidates, outcomes);
        write(candidates, stored, placeholders, outcomes);
        List<UpsertOutcome> ordered = new ArrayList<>(outcomes.values());
        ordered.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return ordered;
    }

    private String hashAsReplacement(EntityDraft draft) {
        return hashAsReplacement(draft, blueprint, schema, actor);
    }

    /** The content hash the draft would have if it replaced what is stored: equal to the stored one means not changed. */
    static String hashAsReplacement(EntityDraft draft, Blueprint blueprint, PropertySchema schema, Actor actor) {
        return ContentHash.of(EntityAssembler.replacementContent(draft, blueprint, schema, actor.datasource()));
    }

    /**
     * Fails candidates whose relation targets do not exist (or returns placeholders to create for
     * them). A candidate may point at another candidate of the batch; when that one fails, so does
     * the one pointing at it, hence the loop.
     */
    private List<Entity> checkRelationTargets(Map<Integer, EntityWrite> candidates, Map<Integer, UpsertOutcome> outcomes) {
        Map<Integer, List<RelationLink>> links = new HashMap<>();
        Set<EntityKey> wanted = new java.util.HashSet<>();
        candidates.forEach((index, write) -> {
            List<RelationLink> entityLinks = RelationLink.of(write.entity(), blueprint);
            links.put(index, entityLinks);
            entityLinks.forEach(link -> wanted.add(link.target()));
        });
        if (wanted.isEmpty()) return List.of();
        Set<EntityKey> existing = new java.util.HashSet<>(tx.existingEntities(wanted));
        if (options.createMissingRelatedEntities()) {
            candidates.values().forEach(write -> existing.add(write.entity().key()));
            return placeholders(wanted, existing);
        }
        boolean removed = true;
        while (removed) {
            removed = false;
            Set<EntityKey> available = new java.util.HashSet<>(existing);
            candidates.values().forEach(write -> available.add(write.entity().key()));
            for (var it = candidates.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                RelationLink missing = links.get(entry.getKey()).stream()
                        .filter(link -> !available.contains(link.target())).findFirst().orElse(null);
                if (missing != null) {
                    it.remove();
                    removed = true;
                    outcomes.put(entry.getKey(), UpsertOutcome.failure(entry.getKey(), entry.getValue().entity().identifier(),
                            missingTarget(entry.getValue().entity(), missing)));
                }
            }
        }
        return List.of();
    }

    private CatalogException missingTarget(Entity entity, RelationLink link) {
        return new CatalogException(CatalogException.Problem.NOT_FOUND, "not_found",
                "Entity '" + entity.identifier() + "' of blueprint '" + blueprint.identifier() + "': relation '"
                        + link.relation() + "' points at '" + link.target().identifier() + "', which is not an entity of blueprint '"
                        + link.target().blueprint() + "' (create it first, or use create_missing_related_entities=true)",
                List.of(new Violation("relations." + link.relation(), "target '" + link.target().identifier() + "' does not exist")));
    }

    /**
     * Placeholders belong to no datasource: an integration's resync did not produce them, so
     * owning them would make its next resync delete them (and clear or delete what points at them).
     */
    private List<Entity> placeholders(Set<EntityKey> wanted, Set<EntityKey> existing) {
        List<Entity> placeholders = new ArrayList<>();
        for (EntityKey key : wanted) {
            if (!existing.contains(key)) {
                placeholders.add(new Entity(key.identifier(), key.identifier(), null, List.of(), key.blueprint(),
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                        now, actor.origin(), now, actor.origin(), null));
            }
        }
        return placeholders;
    }

    private void write(Map<Integer, EntityWrite> candidates, Map<String, Entity> stored, List<Entity> placeholders,
                       Map<Integer, UpsertOutcome> outcomes) {
        List<EntityWrite> inserts = new ArrayList<>();
        List<EntityWrite> updates = new ArrayList<>();
        List<AuditRecord> audit = new ArrayList<>();
        for (Entity placeholder : placeholders) {
            inserts.add(new EntityWrite(placeholder, ContentHash.of(placeholder)));
            audit.add(audit(placeholder.identifier(), placeholder.blueprint(), AuditAction.CREATE, null, placeholder));
        }
        candidates.forEach((index, write) -> {
            Entity entity = write.entity();
            Entity before = stored.get(entity.identifier());
            (before == null ? inserts : updates).add(write);
            audit.add(audit(entity.identifier(), entity.blueprint(), before == null ? AuditAction.CREATE : AuditAction.UPDATE,
                    before, entity));
            outcomes.put(index, new UpsertOutcome(index, entity.identifier(),
                    before == null ? UpsertOutcome.Status.CREATED : UpsertOutcome.Status.UPDATED, entity, null));
        });
        if (options.validationOnly()) return;
        RelationTargets targets = RelationTargets.of(blueprints.values());
        inserts.forEach(w -> written.put(w.entity().key(), w.contentHash()));
        updates.forEach(w -> written.put(w.entity().key(), w.contentHash()));
        if (!inserts.isEmpty()) tx.insertEntities(inserts, targets);
        if (!updates.isEmpty()) tx.updateEntities(updates, targets);
        if (!audit.isEmpty()) tx.appendAudit(audit);
    }

    private AuditRecord audit(String identifier, String blueprintId, AuditAction action, Entity before, Entity after) {
        JsonNode beforeJson = before == null ? null : EntityJson.write(before);
        JsonNode afterJson = after == null ? null : EntityJson.write(after);
        return AuditTrail.success(AuditTrail.ENTITY, identifier, blueprintId, action, actor, now, beforeJson, afterJson);
    }

    /** Identifiers of a collection, for messages. */
    static String sample(Collection<String> identifiers) {
        List<String> first = identifiers.stream().limit(10).toList();
        return String.join(", ", first) + (identifiers.size() > first.size() ? ", ... (" + identifiers.size() + " in all)" : "");
    }
}
