package dev.portolan.sync.resync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entities that failed only because a related entity was missing, kept for the ingestion retry of
 * reconciliation. {@link #inDependencyOrder()} puts targets before the entities pointing at them
 * (a topological order over the queued entities); members of a cycle come in arrival order.
 * Holds only failed entities, so its size is that of the problem, not of the sync.
 */
final class RetryQueue {

    record Pending(String blueprint, ObjectNode entity) {
        String key() {
            return blueprint + "/" + entity.path("identifier").asText();
        }
    }

    private final Map<String, Pending> pending = new LinkedHashMap<>();

    void add(String blueprint, ObjectNode entity) {
        Pending p = new Pending(blueprint, entity);
        pending.put(p.key(), p);
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    int size() {
        return pending.size();
    }

    /** Layers of entities: each layer depends only on earlier layers (or on nothing queued). */
    List<List<Pending>> inDependencyOrder() {
        // The target's blueprint is not known here (it is in the blueprint's relation definition),
        // so a relation value matches any queued entity with that identifier.
        Map<String, List<String>> keysByIdentifier = new HashMap<>();
        pending.values().forEach(p -> keysByIdentifier
                .computeIfAbsent(p.entity().path("identifier").asText(), k -> new ArrayList<>()).add(p.key()));
        Map<String, Set<String>> dependsOn = new HashMap<>();
        for (Pending p : pending.values()) {
            Set<String> targets = new HashSet<>();
            for (String identifier : relationTargets(p.entity())) {
                targets.addAll(keysByIdentifier.getOrDefault(identifier, List.of()));
            }
            targets.remove(p.key());
            dependsOn.put(p.key(), targets);
        }
        List<List<Pending>> layers = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (done.size() < pending.size()) {
            List<Pending> layer = new ArrayList<>();
            for (Pending p : pending.values()) {
                if (!done.contains(p.key()) && done.containsAll(dependsOn.get(p.key()))) layer.add(p);
            }
            if (layer.isEmpty()) {
                // A cycle: take the remaining entities as they came; the catalog sorts out what it can.
                pending.values().stream().filter(p -> !done.contains(p.key())).forEach(layer::add);
            }
            layer.forEach(p -> done.add(p.key()));
            layers.add(layer);
        }
        return layers;
    }

    private static List<String> relationTargets(ObjectNode entity) {
        List<String> targets = new ArrayList<>();
        ArrayDeque<JsonNode> values = new ArrayDeque<>();
        entity.path("relations").forEach(values::add);
        while (!values.isEmpty()) {
            JsonNode value = values.poll();
            if (value.isTextual()) targets.add(value.asText());
            else if (value.isArray()) value.forEach(values::add);
        }
        return targets;
    }
}
