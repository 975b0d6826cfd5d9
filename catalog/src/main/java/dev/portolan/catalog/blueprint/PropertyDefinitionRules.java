package dev.portolan.catalog.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.entity.PropertyValueRules;
import dev.portolan.catalog.json.Json;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks one property definition of a blueprint's schema; collects every problem. */
final class PropertyDefinitionRules {

    static final Set<String> TYPES = Set.of("string", "number", "boolean", "object", "array");
    static final Set<String> FORMATS = Set.of("date-time", "url", "email", "idn-email", "ipv4", "ipv6",
            "markdown", "yaml", "user", "team", "timer", "proto", "labeled-url", "blueprints");
    /** Which keywords make sense for which type; anything else Port passes through (title, icon, ...). */
    private static final Map<String, String> KEYWORD_TYPES = Map.ofEntries(
            Map.entry("pattern", "string"), Map.entry("minLength", "string"), Map.entry("maxLength", "string"),
            Map.entry("format", "string|array|object"), Map.entry("minimum", "number"), Map.entry("maximum", "number"),
            Map.entry("minItems", "array"), Map.entry("maxItems", "array"), Map.entry("uniqueItems", "array"),
            Map.entry("items", "array"));

    private PropertyDefinitionRules() {}

    static void check(String path, JsonNode definition, List<Violation> violations) {
        if (!(definition instanceof ObjectNode)) {
            violations.add(new Violation(path, "must be an object with a 'type', got " + Json.typeName(definition)));
            return;
        }
        String type = definition.path("type").asText(null);
        if (type == null || !TYPES.contains(type)) {
            violations.add(new Violation(path + ".type", "must be one of string, number, boolean, object, array"
                    + (type == null ? "" : ", got '" + type + "'")));
            return;
        }
        int violationsBefore = violations.size();
        definition.properties().forEach(e -> checkKeywordType(path, type, e.getKey(), violations));
        checkFormat(path, definition, type, violations);
        checkNonNegativeInt(path, definition, "minLength", violations);
        checkNonNegativeInt(path, definition, "maxLength", violations);
        checkNonNegativeInt(path, definition, "minItems", violations);
        checkNonNegativeInt(path, definition, "maxItems", violations);
        checkNumber(path, definition, "minimum", violations);
        checkNumber(path, definition, "maximum", violations);
        if (definition.has("uniqueItems") && !definition.get("uniqueItems").isBoolean()) {
            violations.add(new Violation(path + ".uniqueItems", "must be a boolean"));
        }
        if (definition.has("pattern")) {
            checkPattern(path + ".pattern", definition.get("pattern"), violations);
        }
        if ("array".equals(type) && definition.has("items")) {
            checkItems(path + ".items", definition.get("items"), violations);
        }
        if (definition.has("enum")) {
            checkEnum(path, (ObjectNode) definition, violations);
        }
        if (definition.has("default") && violations.size() == violationsBefore) {
            // A default is checked only against a sound definition (an invalid pattern cannot even be compiled).
            List<Violation> defaultViolations = new java.util.ArrayList<>();
            PropertyValueRules.check(path + ".default", PropertyDefinition.of((ObjectNode) definition),
                    definition.get("default"), defaultViolations);
            violations.addAll(defaultViolations);
        }
    }

    private static void checkKeywordType(String path, String type, String keyword, List<Violation> violations) {
        String allowed = KEYWORD_TYPES.get(keyword);
        if (allowed != null && !Set.of(allowed.split("\\|")).contains(type)) {
            violations.add(new Violation(path + "." + keyword, "does not apply to type " + type));
        }
    }

    private static void checkFormat(String path, JsonNode definition, String type, List<Violation> violations) {
        JsonNode format = definition.get("format");
        if (format == null) return;
        if (!format.isTextual() || !FORMATS.contains(format.asText())) {
            violations.add(new Violation(path + ".format", "unknown format " + format
                    + "; allowed: " + String.join(", ", new java.util.TreeSet<>(FORMATS))));
        } else if ("object".equals(type) && !"labeled-url".equals(format.asText())) {
            violations.add(new Violation(path + ".format", "does not apply to type object (only labeled-url does)"));
        }
    }

    private static void checkItems(String path, JsonNode items, List<Violation> violations) {
        if (!(items instanceof ObjectNode)) {
            violations.add(new Violation(path, "must be an object"));
            return;
        }
        String itemType = items.path("type").asText(null);
        if (itemType == null || !TYPES.contains(itemType)) {
            violations.add(new Violation(path + ".type", "must be one of string, number, boolean, object, array"));
            return;
        }
        checkFormat(path, items, itemType, violations);
        if (items.has("pattern")) {
            checkPattern(path + ".pattern", items.get("pattern"), violations);
        }
    }

    private static void checkEnum(String path, ObjectNode definition, List<Violation> violations) {
        JsonNode values = definition.get("enum");
        if (!values.isArray() || values.isEmpty()) {
            violations.add(new Violation(path + ".enum", "must be a non-empty array"));
            return;
        }
        String type = definition.path("type").asText();
        for (int i = 0; i < values.size(); i++) {
            JsonNode value = values.get(i);
            if (!value.isNull() && !"array".equals(type) && !Json.typeName(value).equals(type)) {
                violations.add(new Violation(path + ".enum[" + i + "]", "is a " + Json.typeName(value)
                        + ", but the property is of type " + type));
            }
        }
    }

    private static void checkPattern(String path, JsonNode pattern, List<Violation> violations) {
        if (!pattern.isTextual()) {
            violations.add(new Violation(path, "must be a string"));
            return;
        }
        try {
            Pattern.compile(pattern.asText());
        } catch (PatternSyntaxException e) {
            violations.add(new Violation(path, "is not a valid regular expression: " + e.getDescription()));
        }
    }

    private static void checkNonNegativeInt(String path, JsonNode definition, String keyword, List<Violation> violations) {
        JsonNode value = definition.get(keyword);
        if (value != null && !(value.canConvertToExactIntegral() && value.asLong() >= 0)) {
            violations.add(new Violation(path + "." + keyword, "must be a non-negative integer"));
        }
    }

    private static void checkNumber(String path, JsonNode definition, String keyword, List<Violation> violations) {
        JsonNode value = definition.get(keyword);
        if (value != null && !value.isNumber()) {
            violations.add(new Violation(path + "." + keyword, "must be a number"));
        }
    }
}
