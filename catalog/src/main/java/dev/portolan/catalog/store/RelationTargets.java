package dev.portolan.catalog.store;

import dev.portolan.catalog.blueprint.Blueprint;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * For deriving relation edges from entities: source blueprint → relation identifier → target
 * blueprint. Relations not listed are ignored (they cannot exist on a valid entity).
 */
public record RelationTargets(Map<String, Map<String, String>> byBlueprint) {

    public static RelationTargets of(Collection<Blueprint> blueprints) {
        Map<String, Map<String, String>> byBlueprint = new HashMap<>();
        for (Blueprint blueprint : blueprints) {
            Map<String, String> targets = new HashMap<>();
            blueprint.relations().forEach((name, relation) -> targets.put(name, relation.target()));
            byBlueprint.put(blueprint.identifier(), targets);
        }
        return new RelationTargets(byBlueprint);
    }

    public String target(String blueprint, String relation) {
        Map<String, String> relations = byBlueprint.get(blueprint);
        return relations == null ? null : relations.get(relation);
    }
}
