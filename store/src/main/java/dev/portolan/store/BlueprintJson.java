package dev.portolan.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.CalculationProperty;
import dev.portolan.catalog.blueprint.MirrorProperty;
import dev.portolan.catalog.blueprint.Relation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A blueprint's definition (everything but its identifier and meta columns) as one JSON document.
 * Written field by field rather than by reflection so that the stored shape is explicit and stable.
 */
final class BlueprintJson {

    private BlueprintJson() {}

    static String write(Blueprint blueprint) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("title", blueprint.title());
        json.put("icon", blueprint.icon());
        json.put("description", blueprint.description());
        json.set("schema", blueprint.schema());
        ObjectNode relations = json.putObject("relations");
        nonNull(blueprint.relations()).forEach((name, relation) -> relations.putObject(name)
                .put("title", relation.title())
                .put("target", relation.target())
                .put("required", relation.required())
                .put("many", relation.many())
                .put("description", relation.description()));
        ObjectNode mirrors = json.putObject("mirrorProperties");
        nonNull(blueprint.mirrorProperties()).forEach((name, mirror) -> mirrors.putObject(name)
                .put("title", mirror.title())
                .put("path", mirror.path()));
        ObjectNode calculations = json.putObject("calculationProperties");
        nonNull(blueprint.calculationProperties()).forEach((name, calculation) -> {
            ObjectNode node = calculations.putObject(name)
                    .put("title", calculation.title())
                    .put("calculation", calculation.calculation())
                    .put("type", calculation.type());
            node.set("extra", calculation.extra());
        });
        json.set("aggregationProperties", blueprint.aggregationProperties());
        json.set("extra", blueprint.extra());
        return json.toString();
    }

    static Blueprint read(String identifier, String definition, Instant createdAt, String createdBy,
                          Instant updatedAt, String updatedBy) {
        ObjectNode json = Json.readObject(definition);
        Map<String, Relation> relations = new LinkedHashMap<>();
        json.path("relations").properties().forEach(e -> relations.put(e.getKey(), new Relation(
                text(e.getValue(), "title"), text(e.getValue(), "target"),
                e.getValue().path("required").asBoolean(), e.getValue().path("many").asBoolean(),
                text(e.getValue(), "description"))));
        Map<String, MirrorProperty> mirrors = new LinkedHashMap<>();
        json.path("mirrorProperties").properties().forEach(e -> mirrors.put(e.getKey(),
                new MirrorProperty(text(e.getValue(), "title"), text(e.getValue(), "path"))));
        Map<String, CalculationProperty> calculations = new LinkedHashMap<>();
        json.path("calculationProperties").properties().forEach(e -> calculations.put(e.getKey(),
                new CalculationProperty(text(e.getValue(), "title"), text(e.getValue(), "calculation"),
                        text(e.getValue(), "type"), object(e.getValue().get("extra")))));
        return new Blueprint(identifier, text(json, "title"), text(json, "icon"), text(json, "description"),
                object(json.get("schema")), relations, mirrors, calculations,
                object(json.get("aggregationProperties")), object(json.get("extra")),
                createdAt, createdBy, updatedAt, updatedBy);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static ObjectNode object(JsonNode node) {
        return node instanceof ObjectNode object ? object : Json.MAPPER.createObjectNode();
    }

    private static <K, V> Map<K, V> nonNull(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
