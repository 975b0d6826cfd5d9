package dev.portolan.catalog.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.CalculationProperty;
import dev.portolan.catalog.blueprint.MirrorProperty;
import dev.portolan.catalog.blueprint.Relation;
import dev.portolan.catalog.store.CatalogTransaction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds computed properties to entities as they are read, into {@code properties} as Port shows
 * them: mirror properties (values read through relations, one batched query per relation hop) and
 * calculation properties (jq over the entity). Nothing computed is ever stored.
 *
 * <p>The calculations of one read (one call of {@link #enrich}, so one request) share a time
 * budget: once it is spent, the remaining calculations are not run, and each entity says which of
 * its calculations failed and why ({@link Entity#calculationErrors()}), instead of the page stalling.
 */
public final class EntityEnricher {

    /** How long the calculations of one read may take in all. */
    public static final Duration READ_BUDGET = Duration.ofSeconds(2);

    private final CalculationEvaluator calculations;
    private final Duration budget;

    public EntityEnricher(CalculationEvaluator calculations) {
        this(calculations, READ_BUDGET);
    }

    public EntityEnricher(CalculationEvaluator calculations, Duration budget) {
        this.calculations = calculations;
        this.budget = budget;
    }

    public List<Entity> enrich(CatalogTransaction tx, List<Entity> entities, Map<String, Blueprint> blueprints) {
        Instant deadline = Instant.now().plus(budget); // wall time, whatever clock the catalog keeps
        List<Entity> result = new ArrayList<>(entities.size());
        Map<String, List<Entity>> byBlueprint = new HashMap<>();
        entities.forEach(e -> byBlueprint.computeIfAbsent(e.blueprint(), b -> new ArrayList<>()).add(e));
        Map<EntityKey, ObjectNode> computed = new HashMap<>();
        byBlueprint.forEach((id, group) -> {
            Blueprint blueprint = blueprints.get(id);
            if (blueprint == null) return;
            blueprint.mirrorProperties().forEach((name, mirror) ->
                    mirror(tx, group, blueprint, mirror, blueprints).forEach((key, value) ->
                            computed.computeIfAbsent(key, k -> JsonNodeFactory.instance.objectNode()).set(name, value)));
        });
        Map<String, Set<String>> defined = new HashMap<>();
        for (Entity entity : entities) {
            Blueprint blueprint = blueprints.get(entity.blueprint());
            ObjectNode extra = computed.get(entity.key());
            boolean hasCalculations = blueprint != null && !blueprint.calculationProperties().isEmpty();
            Set<String> known = blueprint == null ? null
                    : defined.computeIfAbsent(blueprint.identifier(), b -> blueprint.properties().definitions().keySet());
            boolean hasRemoved = known != null && hasPropertyOutside(entity.properties(), known);
            if (extra == null && !hasCalculations && !hasRemoved) {
                result.add(entity);
                continue;
            }
            ObjectNode properties = entity.properties().deepCopy();
            // A property removed from the blueprint is not shown; its stored value stays (nothing
            // stored is lost), and comes back if the property is defined again.
            if (hasRemoved) properties.retain(known);
            if (extra != null) properties.setAll(extra);
            Entity withMirrors = copyWithProperties(entity, properties, Map.of());
            result.add(hasCalculations ? withCalculations(withMirrors, blueprint, properties, deadline) : withMirrors);
        }
        return result;
    }

    private static boolean hasPropertyOutside(ObjectNode properties, Set<String> known) {
        for (var names = properties.fieldNames(); names.hasNext(); ) if (!known.contains(names.next())) return true;
        return false;
    }

    private Entity withCalculations(Entity entity, Blueprint blueprint, ObjectNode properties, Instant deadline) {
        JsonNode json = EntityJson.write(entity);
        Map<String, String> errors = new LinkedHashMap<>();
        for (Map.Entry<String, CalculationProperty> e : blueprint.calculationProperties().entrySet()) {
            CalculationResult result = Instant.now().isBefore(deadline)
                    ? calculations.calculate(e.getValue().calculation(), json, deadline)
                    : CalculationResult.failed("not calculated: this read's calculation time (" + budget.toMillis()
                            + " ms) ran out; ask for fewer entities");
            properties.set(e.getKey(), result.value() == null ? NullNode.instance : result.value());
            if (result.error() != null) errors.put(e.getKey(), result.error());
        }
        return errors.isEmpty() ? entity : copyWithProperties(entity, properties, errors);
    }

    /** Resolves one mirror path for a group of entities of one blueprint, hop by hop. */
    private Map<EntityKey, JsonNode> mirror(CatalogTransaction tx, List<Entity> group, Blueprint blueprint,
                                            MirrorProperty mirror, Map<String, Blueprint> blueprints) {
        String[] path = mirror.path().split("\\.");
        Map<EntityKey, JsonNode> values = new HashMap<>();
        // For every source entity, the entities currently reached, and whether a 'many' hop was crossed.
        Map<EntityKey, List<Entity>> reached = new HashMap<>();
        Map<EntityKey, Boolean> many = new HashMap<>();
        group.forEach(e -> {
            reached.put(e.key(), List.of(e));
            many.put(e.key(), false);
        });
        Blueprint current = blueprint;
        for (int hop = 0; hop < path.length - 1; hop++) {
            Relation relation = current == null ? null : current.relations().get(path[hop]);
            if (relation == null) return values; // the path no longer fits the model: no value
            String relationName = path[hop];
            Set<String> targets = new LinkedHashSet<>();
            reached.values().forEach(list -> list.forEach(e -> targets.addAll(targetsOf(e, relationName))));
            Map<String, Entity> loaded = targets.isEmpty() ? Map.of() : tx.findEntities(relation.target(), targets);
            reached.replaceAll((key, list) -> {
                List<Entity> next = new ArrayList<>();
                list.forEach(e -> targetsOf(e, relationName).forEach(t -> {
                    Entity target = loaded.get(t);
                    if (target != null) next.add(target);
                }));
                return next;
            });
            if (relation.many()) many.replaceAll((k, v) -> true);
            current = blueprints.get(relation.target());
        }
        String leaf = path[path.length - 1];
        reached.forEach((key, list) -> {
            if (many.get(key)) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                list.forEach(e -> array.add(leafValue(e, leaf)));
                values.put(key, array);
            } else {
                values.put(key, list.isEmpty() ? NullNode.instance : leafValue(list.getFirst(), leaf));
            }
        });
        return values;
    }

    private static List<String> targetsOf(Entity entity, String relation) {
        JsonNode value = entity.relations().get(relation);
        if (value == null || value.isNull()) return List.of();
        if (value.isArray()) {
            List<String> ids = new ArrayList<>();
            value.forEach(v -> ids.add(v.asText()));
            return ids;
        }
        return List.of(value.asText());
    }

    private static JsonNode leafValue(Entity entity, String leaf) {
        JsonNode json = switch (leaf) {
            case "$identifier" -> JsonNodeFactory.instance.textNode(entity.identifier());
            case "$title" -> JsonNodeFactory.instance.textNode(entity.title());
            case "$icon" -> entity.icon() == null ? NullNode.instance : JsonNodeFactory.instance.textNode(entity.icon());
            case "$team" -> EntityJson.write(entity).get("team");
            case "$createdAt", "$updatedAt", "$createdBy", "$updatedBy" -> EntityJson.write(entity).get(leaf.substring(1));
            default -> entity.properties().get(leaf);
        };
        return json == null ? NullNode.instance : json;
    }

    private static Entity copyWithProperties(Entity e, ObjectNode properties, Map<String, String> calculationErrors) {
        return new Entity(e.identifier(), e.title(), e.icon(), e.team(), e.blueprint(), properties, e.relations(),
                e.createdAt(), e.createdBy(), e.updatedAt(), e.updatedBy(), e.datasource(), calculationErrors);
    }
}
