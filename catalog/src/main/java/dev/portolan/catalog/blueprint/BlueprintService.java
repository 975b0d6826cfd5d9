package dev.portolan.catalog.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.Actor;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.audit.AuditAction;
import dev.portolan.catalog.audit.AuditTrail;
import dev.portolan.catalog.entity.CalculationEvaluator;
import dev.portolan.catalog.json.Json;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.catalog.store.CatalogTransaction;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Blueprint reads and writes. Besides the rules a blueprint carries itself ({@link BlueprintJson}),
 * checks what needs the rest of the model: relation targets exist, mirror paths lead somewhere,
 * calculations compile, and nothing is deleted that others still use. Thread-safe.
 */
public final class BlueprintService {

    private static final Set<String> META_LEAVES = Set.of("$identifier", "$title", "$icon", "$team",
            "$createdAt", "$updatedAt", "$createdBy", "$updatedBy");

    private final CatalogStore store;
    private final Clock clock;
    private final CalculationEvaluator calculations;

    public BlueprintService(CatalogStore store, Clock clock, CalculationEvaluator calculations) {
        this.store = store;
        this.clock = clock;
        this.calculations = calculations;
    }

    public List<Blueprint> list() {
        return store.read(CatalogTransaction::listBlueprints);
    }

    public Blueprint get(String identifier) {
        return store.read(tx -> require(tx, identifier));
    }

    public Blueprint create(JsonNode body, Actor actor) {
        Blueprint blueprint = BlueprintJson.read(body);
        Instant now = clock.instant();
        return store.write(tx -> {
            if (tx.findBlueprint(blueprint.identifier()).isPresent()) {
                throw CatalogException.conflict("identifier_taken", "Blueprint '" + blueprint.identifier() + "' already exists");
            }
            checkAgainstModel(tx, blueprint);
            Blueprint stored = blueprint.withMeta(now, actor.origin(), now, actor.origin());
            tx.insertBlueprint(stored);
            audit(tx, stored.identifier(), AuditAction.CREATE, actor, now, null, stored);
            return stored;
        });
    }

    /** PUT: the body replaces the blueprint. */
    public Blueprint replace(String identifier, JsonNode body, Actor actor) {
        return update(identifier, stored -> withIdentifier(body, identifier), actor);
    }

    /**
     * PUT of an edited copy, for an editor that changes some fields and keeps the rest as stored (the
     * UI's blueprint form): {@code edit} gets the stored blueprint's JSON ({@link BlueprintJson#write}),
     * read inside the write transaction, so it edits the latest version; what it returns is checked and
     * saved exactly as a {@link #replace} body. {@code edit} may throw a {@link CatalogException} to
     * refuse (nothing is written then); it may run more than once and must not have side effects.
     */
    public Blueprint edit(String identifier, UnaryOperator<ObjectNode> edit, Actor actor) {
        return update(identifier, stored -> withIdentifier(edit.apply(BlueprintJson.write(stored)), identifier), actor);
    }

    /**
     * PATCH: the body is merged into the stored blueprint's JSON (RFC 7386: objects merge key by
     * key, a null removes a key), so {@code {"schema": {"properties": {"x": null}}}} removes one property.
     */
    public Blueprint patch(String identifier, JsonNode body, Actor actor) {
        if (!(body instanceof ObjectNode)) {
            throw CatalogException.invalid("invalid_blueprint", "Blueprint patch",
                    List.of(new Violation("", "must be a JSON object, got " + Json.typeName(body))));
        }
        return update(identifier, stored -> withIdentifier(MergePatch.apply(BlueprintJson.write(stored), body), identifier), actor);
    }

    /**
     * Refuses (409) to delete a blueprint that other blueprints' relations target, or that has
     * entities unless they are to be deleted with it.
     */
    public void checkDeletable(String identifier, boolean deleteEntities) {
        store.read(tx -> {
            require(tx, identifier);
            List<String> referrers = tx.listBlueprints().stream()
                    .filter(b -> !b.identifier().equals(identifier))
                    .filter(b -> b.relations().values().stream().anyMatch(r -> r.target().equals(identifier)))
                    .map(Blueprint::identifier).toList();
            if (!referrers.isEmpty()) {
                throw CatalogException.conflict("blueprint_in_use", "Blueprint '" + identifier + "' is the target of relations of "
                        + String.join(", ", referrers) + "; remove those relations first");
            }
            long count = tx.countEntities(identifier);
            if (count > 0 && !deleteEntities) {
                throw CatalogException.conflict("has_entities", "Blueprint '" + identifier + "' still has " + count
                        + " entities; delete them first, or use delete_entities=true");
            }
            return null;
        });
    }

    /** Deletes a blueprint that has no entities (409 otherwise). */
    public void delete(String identifier, Actor actor) {
        checkDeletable(identifier, false);
        Instant now = clock.instant();
        store.write(tx -> {
            Blueprint stored = require(tx, identifier);
            if (tx.countEntities(identifier) > 0) {
                throw CatalogException.conflict("has_entities", "Blueprint '" + identifier + "' got new entities while being deleted; try again");
            }
            tx.deleteBlueprint(identifier);
            audit(tx, identifier, AuditAction.DELETE, actor, now, stored, null);
            return null;
        });
    }

    private Blueprint update(String identifier, java.util.function.Function<Blueprint, JsonNode> newBody, Actor actor) {
        Instant now = clock.instant();
        return store.write(tx -> {
            Blueprint stored = require(tx, identifier);
            Blueprint blueprint = BlueprintJson.read(newBody.apply(stored));
            checkAgainstModel(tx, blueprint);
            Blueprint updated = blueprint.withMeta(stored.createdAt(), stored.createdBy(), now, actor.origin());
            tx.updateBlueprint(updated);
            audit(tx, identifier, AuditAction.UPDATE, actor, now, stored, updated);
            return updated;
        });
    }

    private static JsonNode withIdentifier(JsonNode body, String identifier) {
        if (!(body instanceof ObjectNode object)) return body;
        JsonNode given = object.get("identifier");
        if (given != null && !given.isNull() && !given.asText().equals(identifier)) {
            throw CatalogException.invalid("invalid_blueprint", "Blueprint '" + identifier + "'",
                    List.of(new Violation("identifier", "is '" + given.asText() + "', but a blueprint's identifier cannot change")));
        }
        ObjectNode copy = object.deepCopy();
        copy.put("identifier", identifier);
        return copy;
    }

    private void checkAgainstModel(CatalogTransaction tx, Blueprint blueprint) {
        Map<String, Blueprint> others = new java.util.HashMap<>();
        tx.listBlueprints().forEach(b -> others.put(b.identifier(), b));
        others.put(blueprint.identifier(), blueprint);
        List<Violation> violations = new ArrayList<>();
        blueprint.relations().forEach((name, relation) -> {
            if (relation.target() != null && !others.containsKey(relation.target())) {
                violations.add(new Violation("relations." + name + ".target", "blueprint '" + relation.target() + "' does not exist"));
            }
        });
        blueprint.mirrorProperties().forEach((name, mirror) -> checkMirrorPath(name, mirror, blueprint, others, violations));
        blueprint.calculationProperties().forEach((name, calculation) -> {
            String error = calculation.calculation() == null ? null : calculations.compileError(calculation.calculation());
            if (error != null) {
                violations.add(new Violation("calculationProperties." + name + ".calculation", "does not compile: " + error));
            }
        });
        if (!violations.isEmpty()) {
            throw CatalogException.invalid("invalid_blueprint", "Blueprint '" + blueprint.identifier() + "'", violations);
        }
    }

    private static void checkMirrorPath(String name, MirrorProperty mirror, Blueprint blueprint,
                                        Map<String, Blueprint> blueprints, List<Violation> violations) {
        if (mirror.path() == null) return;
        String[] segments = mirror.path().split("\\.");
        Blueprint current = blueprint;
        for (int i = 0; i < segments.length - 1; i++) {
            Relation relation = current.relations().get(segments[i]);
            if (relation == null || !blueprints.containsKey(relation.target())) {
                violations.add(new Violation("mirrorProperties." + name + ".path", "'" + segments[i]
                        + "' is not a relation of blueprint '" + current.identifier() + "'"));
                return;
            }
            current = blueprints.get(relation.target());
        }
        String leaf = segments[segments.length - 1];
        if (!META_LEAVES.contains(leaf) && current.properties().definition(leaf) == null) {
            violations.add(new Violation("mirrorProperties." + name + ".path", "'" + leaf + "' is not a property of blueprint '"
                    + current.identifier() + "' (nor a meta-property such as $title)"));
        }
    }

    private static Blueprint require(CatalogTransaction tx, String identifier) {
        return tx.findBlueprint(identifier).orElseThrow(() -> CatalogException.notFound("Blueprint", identifier));
    }

    private static void audit(CatalogTransaction tx, String identifier, AuditAction action, Actor actor, Instant now,
                              Blueprint before, Blueprint after) {
        tx.appendAudit(List.of(AuditTrail.success(AuditTrail.BLUEPRINT, identifier, identifier, action, actor, now,
                before == null ? null : BlueprintJson.write(before), after == null ? null : BlueprintJson.write(after))));
    }
}
