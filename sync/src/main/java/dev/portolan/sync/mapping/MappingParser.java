package dev.portolan.sync.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Violation;
import dev.portolan.sync.jq.JqExpressions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a mapping (Port's YAML, or the same as JSON) and checks all of it before anything is saved:
 * unknown keys, wrong types, kinds the integration does not know, selector fields it does not
 * take, jq that does not compile, a threshold outside 0..1. Every problem is reported at once,
 * keyed by its path ({@code resources[1].port.entity.mappings.properties.url}), with jq's own
 * message for jq errors.
 */
public final class MappingParser {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> ROOT_KEYS = Set.of("deleteDependentEntities", "createMissingRelatedEntities",
            "enableMergeEntity", "entityDeletionThreshold", "resources");
    private static final Set<String> RESOURCE_KEYS = Set.of("kind", "selector", "port");
    private static final Set<String> PORT_KEYS = Set.of("entity", "itemsToParse", "itemsToParseName", "itemsToParseTopLevelTransform");
    private static final Set<String> ENTITY_KEYS = Set.of("mappings");
    private static final Set<String> MAPPING_KEYS = Set.of("identifier", "title", "blueprint", "team", "icon", "properties", "relations");

    private final Set<String> kinds;
    private final Function<String, Set<String>> selectorFields;
    private final Set<String> rootFields;

    /** A parser that knows no integration: any kind and any selector field (for testing a mapping alone). */
    public static MappingParser withoutIntegration() {
        return new MappingParser(null, kind -> null, Set.of());
    }

    /**
     * A parser for an integration that runs in a process of its own (Ocean): any kind, selector field
     * and root field, since only that process knows its own; the structure and every jq expression are still checked.
     */
    public static MappingParser forRemoteIntegration() {
        return new MappingParser(null, kind -> null, null);
    }

    /**
     * @param kinds          the kinds the integration knows (null: any)
     * @param selectorFields per kind, the selector fields it takes besides {@code query} (null: any)
     * @param rootFields     root fields of its own it takes (kept in {@link Mapping#extra()}; null: any)
     */
    public MappingParser(Set<String> kinds, Function<String, Set<String>> selectorFields, Set<String> rootFields) {
        this.kinds = kinds;
        this.selectorFields = selectorFields;
        this.rootFields = rootFields;
    }

    /** Parses YAML (JSON is YAML too); a syntax error is a 400-style problem naming the line. */
    public static JsonNode readYaml(String text) {
        try {
            JsonNode node = YAML.readTree(text);
            return node == null ? YAML.createObjectNode() : node;
        } catch (IOException e) {
            throw CatalogException.malformed("The mapping is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    public Mapping parse(JsonNode json) {
        List<Violation> violations = new ArrayList<>();
        if (!(json instanceof ObjectNode root)) {
            throw CatalogException.invalid("invalid_mapping", "The mapping", List.of(new Violation("", "must be an object with 'resources'")));
        }
        ObjectNode extra = root.objectNode();
        root.fieldNames().forEachRemaining(key -> {
            if (ROOT_KEYS.contains(key)) return;
            if (rootFields == null || rootFields.contains(key)) extra.set(key, root.get(key));
            else violations.add(unknown(key, union(ROOT_KEYS, rootFields)));
        });
        boolean deleteDependents = bool(root, "deleteDependentEntities", true, "", violations);
        boolean createMissing = bool(root, "createMissingRelatedEntities", true, "", violations);
        boolean merge = bool(root, "enableMergeEntity", true, "", violations);
        double threshold = threshold(root.get("entityDeletionThreshold"), violations);
        List<ResourceMapping> resources = new ArrayList<>();
        JsonNode list = root.get("resources");
        if (list == null || list.isNull()) {
            list = root.arrayNode();
        } else if (!list.isArray()) {
            violations.add(new Violation("resources", "must be a list of resources"));
            list = root.arrayNode();
        }
        for (int i = 0; i < list.size(); i++) {
            ResourceMapping resource = resource("resources[" + i + "]", list.get(i), violations);
            if (resource != null) resources.add(resource);
        }
        if (!violations.isEmpty()) throw CatalogException.invalid("invalid_mapping", "The mapping", violations);
        return new Mapping(deleteDependents, createMissing, merge, threshold, List.copyOf(resources), extra);
    }

    private ResourceMapping resource(String path, JsonNode node, List<Violation> violations) {
        if (!(node instanceof ObjectNode resource)) {
            violations.add(new Violation(path, "must be an object with kind, selector and port"));
            return null;
        }
        unknownKeys(path, resource, RESOURCE_KEYS, violations);
        String kind = text(resource, "kind", path, violations, true);
        if (kind != null && kinds != null && !kinds.contains(kind)) {
            violations.add(new Violation(path + ".kind", "unknown kind '" + kind + "'; this integration knows: "
                    + String.join(", ", new TreeSet<>(kinds))));
        }
        ObjectNode selector = resource.has("selector") && resource.get("selector").isObject()
                ? (ObjectNode) resource.get("selector") : resource.objectNode();
        if (resource.has("selector") && !resource.get("selector").isObject()) {
            violations.add(new Violation(path + ".selector", "must be an object"));
        }
        Set<String> fields = kind == null ? Set.of() : selectorFields.apply(kind);
        if (fields != null) unknownKeys(path + ".selector", selector, union(Set.of("query"), fields), violations);
        String query = jq(selector, "query", path + ".selector", violations, false);

        JsonNode portNode = resource.get("port");
        if (!(portNode instanceof ObjectNode port)) {
            violations.add(new Violation(path + ".port", "is required: {entity: {mappings: {...}}}"));
            return null;
        }
        unknownKeys(path + ".port", port, PORT_KEYS, violations);
        String itemsToParse = jq(port, "itemsToParse", path + ".port", violations, false);
        String itemsName = text(port, "itemsToParseName", path + ".port", violations, false);
        boolean topLevel = bool(port, "itemsToParseTopLevelTransform", false, path + ".port.", violations);
        List<EntityMapping> entities = entities(path + ".port.entity", port.get("entity"), violations);
        return new ResourceMapping(kind, selector, query == null ? "true" : query, itemsToParse,
                itemsName == null ? "item" : itemsName, topLevel, entities);
    }

    private List<EntityMapping> entities(String path, JsonNode entity, List<Violation> violations) {
        if (!(entity instanceof ObjectNode object)) {
            violations.add(new Violation(path, "is required: {mappings: {identifier, blueprint, ...}}"));
            return List.of();
        }
        unknownKeys(path, object, ENTITY_KEYS, violations);
        JsonNode mappings = object.get("mappings");
        List<EntityMapping> result = new ArrayList<>();
        if (mappings instanceof ObjectNode single) {
            EntityMapping m = entityMapping(path + ".mappings", single, violations);
            if (m != null) result.add(m);
        } else if (mappings != null && mappings.isArray()) {
            for (int i = 0; i < mappings.size(); i++) {
                EntityMapping m = entityMapping(path + ".mappings[" + i + "]", mappings.get(i), violations);
                if (m != null) result.add(m);
            }
        } else {
            violations.add(new Violation(path + ".mappings", "is required: {identifier, blueprint, title, properties, relations}"));
        }
        return result;
    }

    private EntityMapping entityMapping(String path, JsonNode node, List<Violation> violations) {
        if (!(node instanceof ObjectNode m)) {
            violations.add(new Violation(path, "must be an object"));
            return null;
        }
        unknownKeys(path, m, MAPPING_KEYS, violations);
        MappedValue identifier = mappedValue(path + ".identifier", m.get("identifier"), violations, true);
        String blueprint = jq(m, "blueprint", path, violations, true);
        String title = jq(m, "title", path, violations, false);
        String team = jq(m, "team", path, violations, false);
        String icon = jq(m, "icon", path, violations, false);
        Map<String, String> properties = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : entries(path + ".properties", m.get("properties"), violations)) {
            String expression = jqText(path + ".properties." + e.getKey(), e.getValue(), violations);
            if (expression != null) properties.put(e.getKey(), expression);
        }
        Map<String, MappedValue> relations = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : entries(path + ".relations", m.get("relations"), violations)) {
            MappedValue value = mappedValue(path + ".relations." + e.getKey(), e.getValue(), violations, true);
            if (value != null) relations.put(e.getKey(), value);
        }
        return new EntityMapping(identifier, blueprint, title, team, icon, properties, relations);
    }

    private MappedValue mappedValue(String path, JsonNode node, List<Violation> violations, boolean required) {
        if (node == null || node.isNull()) {
            if (required) violations.add(new Violation(path, "is required"));
            return null;
        }
        if (!node.isObject()) {
            String expression = jqText(path, node, violations);
            return expression == null ? null : new MappedValue.Jq(expression);
        }
        String combinator = node.path("combinator").asText("");
        if (!combinator.equals("and") && !combinator.equals("or")) {
            violations.add(new Violation(path + ".combinator", "must be \"and\" or \"or\""));
        }
        List<MappedValue.SearchRule> rules = new ArrayList<>();
        JsonNode list = node.get("rules");
        if (list == null || !list.isArray() || list.isEmpty()) {
            violations.add(new Violation(path + ".rules", "must be a non-empty list of {property, operator, value}"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                JsonNode rule = list.get(i);
                String rulePath = path + ".rules[" + i + "]";
                if (!rule.isObject() || !rule.path("property").isTextual() || !rule.path("operator").isTextual()) {
                    violations.add(new Violation(rulePath, "must be {property, operator, value}"));
                    continue;
                }
                String value = jqText(rulePath + ".value", rule.get("value"), violations);
                rules.add(new MappedValue.SearchRule(rule.get("property").asText(), rule.get("operator").asText(), value));
            }
        }
        return new MappedValue.Search(combinator, List.copyOf(rules));
    }

    private static String jq(ObjectNode node, String field, String parent, List<Violation> violations, boolean required) {
        String path = parent.isEmpty() ? field : parent + "." + field;
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) violations.add(new Violation(path, "is required"));
            return null;
        }
        return jqText(path, value, violations);
    }

    /** A jq expression given as a YAML string (or a bare number/boolean, which jq reads the same). */
    private static String jqText(String path, JsonNode value, List<Violation> violations) {
        if (value == null || value.isNull()) {
            violations.add(new Violation(path, "is required"));
            return null;
        }
        if (!value.isValueNode()) {
            violations.add(new Violation(path, "must be a jq expression (a string)"));
            return null;
        }
        String expression = value.asText();
        String error = JqExpressions.compileError(expression);
        if (error != null) violations.add(new Violation(path, "jq does not compile: " + error));
        return expression;
    }

    private static String text(ObjectNode node, String field, String parent, List<Violation> violations, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) violations.add(new Violation(parent + "." + field, "is required"));
            return null;
        }
        if (!value.isTextual()) {
            violations.add(new Violation(parent + "." + field, "must be a string"));
            return null;
        }
        return value.asText();
    }

    private static boolean bool(ObjectNode node, String field, boolean defaultValue, String prefix, List<Violation> violations) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return defaultValue;
        if (!value.isBoolean()) {
            violations.add(new Violation(prefix + field, "must be true or false, got " + value));
            return defaultValue;
        }
        return value.asBoolean();
    }

    private static double threshold(JsonNode value, List<Violation> violations) {
        if (value == null || value.isNull()) return Mapping.DEFAULT_DELETION_THRESHOLD;
        if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
            violations.add(new Violation("entityDeletionThreshold", "must be a number from 0 to 1, got " + value));
            return Mapping.DEFAULT_DELETION_THRESHOLD;
        }
        return value.asDouble();
    }

    private static List<Map.Entry<String, JsonNode>> entries(String path, JsonNode node, List<Violation> violations) {
        if (node == null || node.isNull()) return List.of();
        if (!node.isObject()) {
            violations.add(new Violation(path, "must be an object"));
            return List.of();
        }
        return new ArrayList<>(node.properties());
    }

    private static void unknownKeys(String path, ObjectNode node, Set<String> allowed, List<Violation> violations) {
        node.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) violations.add(new Violation(path + "." + key, "unknown key; allowed: " + String.join(", ", new TreeSet<>(allowed))));
        });
    }

    private static Violation unknown(String key, Set<String> allowed) {
        return new Violation(key, "unknown key; allowed: " + String.join(", ", new TreeSet<>(allowed)));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
