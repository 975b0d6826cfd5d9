package dev.portolan.ui.values;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.blueprint.PropertyDefinition;
import dev.portolan.catalog.blueprint.Relation;
import dev.portolan.catalog.json.Json;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns stored values into {@link ShownValue}s by what the blueprint declares: {@code url} links
 * (only http and https: a {@code javascript:} URL stays text), markdown, dates, booleans, arrays as
 * chips, objects and yaml/json as pretty JSON, relations as links to their entities.
 */
public final class PropertyValues {

    private PropertyValues() {}

    /** @param definition null when the blueprint does not declare it (mirror, calculation, removed property) */
    public static ShownValue property(JsonNode value, PropertyDefinition definition) {
        if (value == null || value.isNull() || value.isMissingNode()) return ShownValue.EMPTY;
        String format = definition == null || definition.format() == null ? "" : definition.format();
        if (value.isArray()) {
            if (value.isEmpty()) return ShownValue.EMPTY;
            boolean scalars = true;
            List<String> items = new ArrayList<>();
            for (JsonNode item : value) {
                scalars &= item.isValueNode();
                items.add(item.isTextual() ? item.asText() : item.toString());
            }
            if (scalars) return new ShownValue(ShownValue.Kind.CHIPS, String.join(", ", items), null, List.copyOf(items), null);
            return ShownValue.text(ShownValue.Kind.JSON, pretty(value));
        }
        if (value.isObject()) {
            return ShownValue.text(ShownValue.Kind.JSON, pretty(value));
        }
        if (value.isBoolean()) return ShownValue.text(ShownValue.Kind.BOOLEAN, value.asBoolean() ? "true" : "false");
        if (value.isNumber()) return ShownValue.text(ShownValue.Kind.NUMBER, value.asText());
        String text = value.asText();
        return switch (format) {
            case "url" -> isWebUrl(text) ? new ShownValue(ShownValue.Kind.LINK, text, text, List.of(), null)
                    : ShownValue.text(ShownValue.Kind.TEXT, text);
            case "date-time", "date", "timer" -> ShownValue.text(ShownValue.Kind.DATE, text);
            case "markdown" -> new ShownValue(ShownValue.Kind.MARKDOWN, text, null, List.of(), Markdown.toHtml(text));
            case "json", "yaml" -> ShownValue.text(ShownValue.Kind.JSON, text);
            default -> ShownValue.text(ShownValue.Kind.TEXT, text);
        };
    }

    /** A relation's value: one or many target identifiers, each linking to its entity page. */
    public static ShownValue relation(JsonNode value, Relation relation) {
        if (value == null || value.isNull() || value.isMissingNode() || (value.isArray() && value.isEmpty())) return ShownValue.EMPTY;
        List<String> targets = new ArrayList<>();
        if (value.isArray()) value.forEach(v -> targets.add(v.asText()));
        else targets.add(value.asText());
        String href = relation.target(); // the target blueprint; templates link each item with Links.entity
        return new ShownValue(ShownValue.Kind.ENTITY, String.join(", ", targets), href, List.copyOf(targets), null);
    }

    /** Whether a link to {@code text} is safe to render: an absolute http or https URL. */
    public static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    public static String pretty(JsonNode value) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return value.toString();
        }
    }
}
