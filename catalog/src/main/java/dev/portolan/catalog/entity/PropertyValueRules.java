package dev.portolan.catalog.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.blueprint.PropertyDefinition;
import dev.portolan.catalog.json.Json;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one property value against its definition (type, format, enum, pattern, lengths, bounds,
 * items). Null is accepted for every type (an unset value); {@code required} is checked elsewhere.
 */
public final class PropertyValueRules {

    private PropertyValueRules() {}

    public static void check(String path, PropertyDefinition definition, JsonNode value, List<Violation> violations) {
        if (value == null || value.isNull()) return;
        checkValue(path, definition.type(), definition.format(), definition.json(), value, violations);
    }

    private static void checkValue(String path, String type, String format, JsonNode definition, JsonNode value,
                                   List<Violation> violations) {
        if (!hasType(type, value)) {
            violations.add(new Violation(path, "must be of type " + type + ", got " + Json.typeName(value)
                    + " " + abbreviate(value)));
            return;
        }
        JsonNode enumValues = definition.get("enum");
        if (enumValues != null && enumValues.isArray() && !"array".equals(type) && !contains(enumValues, value)) {
            violations.add(new Violation(path, "must be one of " + enumValues + ", got " + abbreviate(value)));
        }
        switch (type) {
            case "string" -> checkString(path, format, definition, value.asText(), violations);
            case "number" -> checkNumber(path, definition, value, violations);
            case "array" -> checkArray(path, format, definition, value, violations);
            case "object" -> checkObject(path, format, value, violations);
            default -> { }
        }
    }

    private static boolean hasType(String type, JsonNode value) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> false;
        };
    }

    private static void checkString(String path, String format, JsonNode definition, String text,
                                    List<Violation> violations) {
        int length = text.codePointCount(0, text.length());
        JsonNode minLength = definition.get("minLength");
        if (minLength != null && length < minLength.asLong()) {
            violations.add(new Violation(path, "must be at least " + minLength.asLong() + " characters long, got " + length));
        }
        JsonNode maxLength = definition.get("maxLength");
        if (maxLength != null && length > maxLength.asLong()) {
            violations.add(new Violation(path, "must be at most " + maxLength.asLong() + " characters long, got " + length));
        }
        JsonNode pattern = definition.get("pattern");
        if (pattern != null && pattern.isTextual() && !compiled(pattern.asText()).matcher(text).find()) {
            violations.add(new Violation(path, "must match the pattern " + pattern.asText() + ", got " + abbreviate(text)));
        }
        if (format != null && !StringFormats.matches(format, text)) {
            violations.add(new Violation(path, "must be a valid " + format + " (" + StringFormats.describe(format)
                    + "), got " + abbreviate(text)));
        }
    }

    private static void checkNumber(String path, JsonNode definition, JsonNode value, List<Violation> violations) {
        JsonNode minimum = definition.get("minimum");
        if (minimum != null && minimum.isNumber() && value.decimalValue().compareTo(minimum.decimalValue()) < 0) {
            violations.add(new Violation(path, "must be >= " + minimum + ", got " + value));
        }
        JsonNode maximum = definition.get("maximum");
        if (maximum != null && maximum.isNumber() && value.decimalValue().compareTo(maximum.decimalValue()) > 0) {
            violations.add(new Violation(path, "must be <= " + maximum + ", got " + value));
        }
    }

    private static void checkArray(String path, String format, JsonNode definition, JsonNode value,
                                   List<Violation> violations) {
        JsonNode minItems = definition.get("minItems");
        if (minItems != null && value.size() < minItems.asLong()) {
            violations.add(new Violation(path, "must have at least " + minItems.asLong() + " items, got " + value.size()));
        }
        JsonNode maxItems = definition.get("maxItems");
        if (maxItems != null && value.size() > maxItems.asLong()) {
            violations.add(new Violation(path, "must have at most " + maxItems.asLong() + " items, got " + value.size()));
        }
        if (definition.path("uniqueItems").asBoolean(false)) {
            Set<String> seen = new HashSet<>();
            for (JsonNode item : value) {
                if (!seen.add(Json.canonical(item))) {
                    violations.add(new Violation(path, "must have unique items, " + abbreviate(item) + " appears twice"));
                    break;
                }
            }
        }
        JsonNode items = definition.get("items");
        if (items instanceof ObjectNode itemDefinition && itemDefinition.has("type")) {
            String itemType = itemDefinition.get("type").asText();
            String itemFormat = itemDefinition.path("format").asText(null);
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (!item.isNull()) {
                    checkValue(path + "[" + i + "]", itemType, itemFormat, itemDefinition, item, violations);
                }
            }
        } else if (format != null) {
            // Port writes e.g. {"type": "array", "format": "user"}: each item is a string of that format.
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (!item.isTextual() || !StringFormats.matches(format, item.asText())) {
                    violations.add(new Violation(path + "[" + i + "]", "must be a valid " + format + ", got " + abbreviate(item)));
                }
            }
        }
    }

    private static void checkObject(String path, String format, JsonNode value, List<Violation> violations) {
        if ("labeled-url".equals(format) && !(value.path("url").isTextual() && StringFormats.matches("url", value.get("url").asText()))) {
            violations.add(new Violation(path, "must be an object with a valid 'url' (and an optional 'displayText')"));
        }
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value) || (candidate.isNumber() && value.isNumber()
                    && candidate.decimalValue().compareTo(value.decimalValue()) == 0)) {
                return true;
            }
        }
        return false;
    }

    /** Patterns come from a few blueprints but are checked on every write: compile each once. */
    private static final java.util.Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Pattern compiled(String pattern) {
        Pattern p = PATTERNS.get(pattern);
        if (p == null) {
            p = Pattern.compile(pattern);
            if (PATTERNS.size() < 10_000) PATTERNS.put(pattern, p);
        }
        return p;
    }

    static String abbreviate(JsonNode value) {
        return abbreviate(value.isTextual() ? "\"" + value.asText() + "\"" : value.toString());
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
