package dev.portolan.catalog.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Identifiers;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.json.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A blueprint in Port's JSON shape, both ways. {@link #read} checks everything that can be
 * checked from the blueprint alone and reports every problem at once, keyed by path; what needs
 * the rest of the catalog (relation targets, mirror paths) is checked by the catalog service.
 */
public final class BlueprintJson {

    private static final Set<String> KNOWN = Set.of("identifier", "title", "icon", "description", "schema",
            "relations", "mirrorProperties", "calculationProperties", "aggregationProperties",
            "createdAt", "createdBy", "updatedAt", "updatedBy");
    private static final Set<String> RELATION_KEYS = Set.of("title", "target", "required", "many", "description", "type");
    private static final Set<String> MIRROR_KEYS = Set.of("title", "path", "description", "icon");

    private BlueprintJson() {}

    /** Reads a blueprint body; meta fields in the body are ignored (the catalog sets them). */
    public static Blueprint read(JsonNode body) {
        List<Violation> violations = new ArrayList<>();
        if (!(body instanceof ObjectNode object)) {
            throw CatalogException.malformed("A blueprint must be a JSON object, got " + Json.typeName(body));
        }
        String identifier = requiredText(object, "identifier", violations);
        if (identifier != null && !Identifiers.isSchemaIdentifier(identifier)) {
            violations.add(new Violation("identifier", "'" + identifier + "' is not valid: use " + Identifiers.schemaIdentifierRule()));
        }
        String title = optionalText(object, "title", violations);
        String icon = optionalText(object, "icon", violations);
        String description = optionalText(object, "description", violations);
        ObjectNode schema = readSchema(object.get("schema"), violations);
        Map<String, Relation> relations = readRelations(object.get("relations"), violations);
        Map<String, MirrorProperty> mirrors = readMirrors(object.get("mirrorProperties"), violations);
        Map<String, CalculationProperty> calculations = readCalculations(object.get("calculationProperties"), violations);
        ObjectNode aggregations = optionalObject(object, "aggregationProperties", violations);
        checkNamesAreDistinct(schema, relations, mirrors, calculations, violations);
        ObjectNode extra = Json.object();
        object.properties().forEach(e -> {
            if (!KNOWN.contains(e.getKey())) extra.set(e.getKey(), e.getValue());
        });
        if (!violations.isEmpty()) {
            throw CatalogException.invalid("invalid_blueprint", "Blueprint " + (identifier == null ? "" : "'" + identifier + "'"), violations);
        }
        return new Blueprint(identifier, title == null ? identifier : title, icon, description, schema, relations,
                mirrors, calculations, aggregations, extra, null, null, null, null);
    }

    public static ObjectNode write(Blueprint blueprint) {
        ObjectNode json = Json.object();
        json.put("identifier", blueprint.identifier());
        json.put("title", blueprint.title());
        if (blueprint.icon() != null) json.put("icon", blueprint.icon());
        if (blueprint.description() != null) json.put("description", blueprint.description());
        json.set("schema", blueprint.schema());
        ObjectNode mirrors = json.putObject("mirrorProperties");
        blueprint.mirrorProperties().forEach((name, mirror) -> {
            ObjectNode m = mirrors.putObject(name);
            if (mirror.title() != null) m.put("title", mirror.title());
            m.put("path", mirror.path());
        });
        ObjectNode calculations = json.putObject("calculationProperties");
        blueprint.calculationProperties().forEach((name, calculation) -> {
            ObjectNode c = calculations.putObject(name);
            c.setAll(calculation.extra());
            if (calculation.title() != null) c.put("title", calculation.title());
            c.put("calculation", calculation.calculation());
            c.put("type", calculation.type());
        });
        json.set("aggregationProperties", blueprint.aggregationProperties());
        ObjectNode relations = json.putObject("relations");
        blueprint.relations().forEach((name, relation) -> {
            ObjectNode r = relations.putObject(name);
            if (relation.title() != null) r.put("title", relation.title());
            if (relation.description() != null) r.put("description", relation.description());
            r.put("target", relation.target());
            r.put("required", relation.required());
            r.put("many", relation.many());
        });
        json.setAll(blueprint.extra());
        putInstant(json, "createdAt", blueprint.createdAt());
        if (blueprint.createdBy() != null) json.put("createdBy", blueprint.createdBy());
        putInstant(json, "updatedAt", blueprint.updatedAt());
        if (blueprint.updatedBy() != null) json.put("updatedBy", blueprint.updatedBy());
        return json;
    }

    private static void putInstant(ObjectNode json, String field, Instant instant) {
        if (instant != null) json.put(field, instant.toString());
    }

    private static ObjectNode readSchema(JsonNode schema, List<Violation> violations) {
        ObjectNode result = Json.object();
        ObjectNode properties = result.putObject("properties");
        result.putArray("required");
        if (schema == null || schema.isNull()) return result;
        if (!(schema instanceof ObjectNode schemaObject)) {
            violations.add(new Violation("schema", "must be an object {properties, required}"));
            return result;
        }
        result.setAll(schemaObject);
        JsonNode given = schemaObject.get("properties");
        if (given != null && !(given instanceof ObjectNode)) {
            violations.add(new Violation("schema.properties", "must be an object"));
            result.set("properties", properties);
        } else if (given == null) {
            result.set("properties", properties);
        } else {
            given.properties().forEach(e -> {
                String path = "schema.properties." + e.getKey();
                if (!Identifiers.isSchemaIdentifier(e.getKey())) {
                    violations.add(new Violation(path, "property identifier is not valid: use " + Identifiers.schemaIdentifierRule()));
                }
                PropertyDefinitionRules.check(path, e.getValue(), violations);
            });
        }
        JsonNode required = schemaObject.get("required");
        if (required == null) {
            result.putArray("required");
        } else if (!required.isArray()) {
            violations.add(new Violation("schema.required", "must be an array of property identifiers"));
        } else {
            JsonNode definedProperties = result.get("properties");
            for (int i = 0; i < required.size(); i++) {
                JsonNode name = required.get(i);
                if (!name.isTextual() || !definedProperties.has(name.asText())) {
                    violations.add(new Violation("schema.required[" + i + "]", "names " + name + ", which is not a property of this blueprint"));
                }
            }
        }
        return result;
    }

    private static Map<String, Relation> readRelations(JsonNode relations, List<Violation> violations) {
        Map<String, Relation> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : entries("relations", relations, violations)) {
            String path = "relations." + e.getKey();
            if (!Identifiers.isSchemaIdentifier(e.getKey())) {
                violations.add(new Violation(path, "relation identifier is not valid: use " + Identifiers.schemaIdentifierRule()));
            }
            if (!(e.getValue() instanceof ObjectNode r)) {
                violations.add(new Violation(path, "must be an object {title, target, required, many}"));
                continue;
            }
            unknownKeys(path, r, RELATION_KEYS, violations);
            String target = requiredText(r, "target", violations, path);
            boolean required = optionalBoolean(r, "required", path, violations);
            boolean many = optionalBoolean(r, "many", path, violations);
            if (required && many) {
                violations.add(new Violation(path, "a relation cannot be both 'many' and 'required'"));
            }
            result.put(e.getKey(), new Relation(r.path("title").asText(null), target, required, many,
                    r.path("description").asText(null)));
        }
        return result;
    }

    private static Map<String, MirrorProperty> readMirrors(JsonNode mirrors, List<Violation> violations) {
        Map<String, MirrorProperty> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : entries("mirrorProperties", mirrors, violations)) {
            String path = "mirrorProperties." + e.getKey();
            checkName(path, e.getKey(), violations);
            if (!(e.getValue() instanceof ObjectNode m)) {
                violations.add(new Violation(path, "must be an object {title, path}"));
                continue;
            }
            unknownKeys(path, m, MIRROR_KEYS, violations);
            String mirrorPath = requiredText(m, "path", violations, path);
            if (mirrorPath != null && !mirrorPath.contains(".")) {
                violations.add(new Violation(path + ".path", "must be relation(.relation)*.property, got '" + mirrorPath + "'"));
            }
            result.put(e.getKey(), new MirrorProperty(m.path("title").asText(null), mirrorPath));
        }
        return result;
    }

    private static Map<String, CalculationProperty> readCalculations(JsonNode calculations, List<Violation> violations) {
        Map<String, CalculationProperty> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : entries("calculationProperties", calculations, violations)) {
            String path = "calculationProperties." + e.getKey();
            checkName(path, e.getKey(), violations);
            if (!(e.getValue() instanceof ObjectNode c)) {
                violations.add(new Violation(path, "must be an object {title, calculation, type}"));
                continue;
            }
            String calculation = requiredText(c, "calculation", violations, path);
            String type = requiredText(c, "type", violations, path);
            if (type != null && !PropertyDefinitionRules.TYPES.contains(type)) {
                violations.add(new Violation(path + ".type", "must be one of string, number, boolean, object, array"));
            }
            ObjectNode extra = c.deepCopy();
            extra.remove(List.of("title", "calculation", "type"));
            result.put(e.getKey(), new CalculationProperty(c.path("title").asText(null), calculation, type, extra));
        }
        return result;
    }

    private static void checkName(String path, String name, List<Violation> violations) {
        if (!Identifiers.isSchemaIdentifier(name)) {
            violations.add(new Violation(path, "property identifier is not valid: use " + Identifiers.schemaIdentifierRule()));
        }
    }

    private static void checkNamesAreDistinct(ObjectNode schema, Map<String, Relation> relations,
                                              Map<String, MirrorProperty> mirrors,
                                              Map<String, CalculationProperty> calculations, List<Violation> violations) {
        Set<String> seen = new HashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(seen::add);
        for (var names : List.of(relations.keySet(), mirrors.keySet(), calculations.keySet())) {
            for (String name : names) {
                if (!seen.add(name)) {
                    violations.add(new Violation(name, "is defined twice (properties, relations, mirror and calculation properties share one namespace)"));
                }
            }
        }
    }

    private static List<Map.Entry<String, JsonNode>> entries(String path, JsonNode node, List<Violation> violations) {
        if (node == null || node.isNull()) return List.of();
        if (!node.isObject()) {
            violations.add(new Violation(path, "must be an object keyed by identifier"));
            return List.of();
        }
        return new ArrayList<>(node.properties());
    }

    private static void unknownKeys(String path, ObjectNode node, Set<String> allowed, List<Violation> violations) {
        node.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                violations.add(new Violation(path + "." + key, "unknown key; allowed: " + String.join(", ", new java.util.TreeSet<>(allowed))));
            }
        });
    }

    private static String requiredText(ObjectNode node, String field, List<Violation> violations) {
        return requiredText(node, field, violations, "");
    }

    private static String requiredText(ObjectNode node, String field, List<Violation> violations, String parent) {
        String path = parent.isEmpty() ? field : parent + "." + field;
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            violations.add(new Violation(path, "is required"));
            return null;
        }
        if (!value.isTextual()) {
            violations.add(new Violation(path, "must be a string, got " + Json.typeName(value)));
            return null;
        }
        return value.asText();
    }

    private static String optionalText(ObjectNode node, String field, List<Violation> violations) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) {
            violations.add(new Violation(field, "must be a string, got " + Json.typeName(value)));
            return null;
        }
        return value.asText();
    }

    private static boolean optionalBoolean(ObjectNode node, String field, String parent, List<Violation> violations) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return false;
        if (!value.isBoolean()) {
            violations.add(new Violation(parent + "." + field, "must be a boolean, got " + Json.typeName(value)));
            return false;
        }
        return value.asBoolean();
    }

    private static ObjectNode optionalObject(ObjectNode node, String field, List<Violation> violations) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return Json.object();
        if (!(value instanceof ObjectNode object)) {
            violations.add(new Violation(field, "must be an object"));
            return Json.object();
        }
        return object.deepCopy();
    }
}
