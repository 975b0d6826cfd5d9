package dev.portolan.ui.builder;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.json.Json;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The builder's form for a new blueprint: identifier, title, icon, description, rows of properties
 * (name, title, type, format, required, allowed values) and rows of relations (name, title, target,
 * required, many). It only turns the fields into the JSON {@code POST /v1/blueprints} takes; the
 * blueprint service judges it, and {@link #withErrors} puts each of its violations back at its field.
 * Empty rows are left out. Form field names: {@code p.N.name}, {@code r.N.target}, ...
 *
 * @param errors field name → problem; {@code ""} collects what belongs to no field
 */
public record BlueprintForm(String identifier, String title, String icon, String description, List<PropertyRow> properties,
                            List<RelationRow> relations, Map<String, String> errors) {

    /** The types a property may have, and the formats offered for strings (the empty one: none). */
    public static final List<String> TYPES = List.of("string", "number", "boolean", "array", "object");
    public static final List<String> FORMATS = List.of("", "url", "email", "date-time", "markdown", "yaml", "json", "user", "team",
            "timer", "ipv4", "ipv6");

    /** Empty rows a new form offers; "More rows" adds this many again. */
    static final int ROWS = 4;

    public record PropertyRow(int index, String name, String title, String type, String format, boolean required, String allowed) {
        boolean isEmpty() {
            return name.isBlank() && title.isBlank() && allowed.isBlank();
        }
    }

    public record RelationRow(int index, String name, String title, String target, boolean required, boolean many) {
        boolean isEmpty() {
            return name.isBlank() && title.isBlank();
        }
    }

    static BlueprintForm empty(int propertyRows, int relationRows) {
        List<PropertyRow> properties = new ArrayList<>();
        for (int i = 0; i < propertyRows; i++) properties.add(new PropertyRow(i, "", "", "string", "", false, ""));
        List<RelationRow> relations = new ArrayList<>();
        for (int i = 0; i < relationRows; i++) relations.add(new RelationRow(i, "", "", "", false, false));
        return new BlueprintForm("", "", "", "", properties, relations, Map.of());
    }

    /** The posted form; with {@code more}, ROWS further empty rows of each. */
    static BlueprintForm from(Context ctx, boolean more) {
        List<PropertyRow> properties = new ArrayList<>();
        for (int i = 0; ctx.formParam("p." + i + ".name") != null; i++) {
            String p = "p." + i + ".";
            properties.add(new PropertyRow(i, text(ctx, p + "name"), text(ctx, p + "title"), text(ctx, p + "type"), text(ctx, p + "format"),
                    ctx.formParam(p + "required") != null, text(ctx, p + "allowed")));
        }
        List<RelationRow> relations = new ArrayList<>();
        for (int i = 0; ctx.formParam("r." + i + ".name") != null; i++) {
            String r = "r." + i + ".";
            relations.add(new RelationRow(i, text(ctx, r + "name"), text(ctx, r + "title"), text(ctx, r + "target"),
                    ctx.formParam(r + "required") != null, ctx.formParam(r + "many") != null));
        }
        if (more) {
            for (int i = 0, n = properties.size(); i < ROWS; i++) properties.add(new PropertyRow(n + i, "", "", "string", "", false, ""));
            for (int i = 0, n = relations.size(); i < ROWS; i++) relations.add(new RelationRow(n + i, "", "", "", false, false));
        }
        return new BlueprintForm(text(ctx, "identifier"), text(ctx, "title"), text(ctx, "icon"), text(ctx, "description"),
                properties, relations, Map.of());
    }

    /** The blueprint JSON of the filled-in fields, as the API takes it. */
    ObjectNode toJson() {
        ObjectNode json = Json.object().put("identifier", identifier);
        if (!title.isBlank()) json.put("title", title);
        if (!icon.isBlank()) json.put("icon", icon);
        if (!description.isBlank()) json.put("description", description);
        ObjectNode schema = json.putObject("schema");
        ObjectNode definitions = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        for (PropertyRow p : properties) {
            if (p.isEmpty()) continue;
            ObjectNode definition = definitions.putObject(p.name()).put("type", p.type());
            if (!p.title().isBlank()) definition.put("title", p.title());
            if (!p.format().isBlank()) definition.put("format", p.format());
            if (!p.allowed().isBlank()) definition.set("enum", allowed(p));
            if (p.required()) required.add(p.name());
        }
        ObjectNode links = json.putObject("relations");
        for (RelationRow r : relations) {
            if (r.isEmpty()) continue;
            ObjectNode relation = links.putObject(r.name()).put("target", r.target()).put("required", r.required()).put("many", r.many());
            if (!r.title().isBlank()) relation.put("title", r.title());
        }
        return json;
    }

    /** Comma-separated allowed values, as numbers for a number property (left as text when not one: the service says so). */
    private static ArrayNode allowed(PropertyRow p) {
        ArrayNode values = Json.MAPPER.createArrayNode();
        for (String part : p.allowed().split(",")) {
            String value = part.trim();
            if (value.isEmpty()) continue;
            if (p.type().equals("number")) {
                try {
                    values.add(new BigDecimal(value));
                    continue;
                } catch (NumberFormatException e) {
                    // kept as text below
                }
            }
            values.add(value);
        }
        return values;
    }

    /** The same form with each violation at the field its path names ({@code schema.properties.tier.type} → tier's type). */
    BlueprintForm withErrors(List<Violation> violations) {
        Map<String, String> at = new LinkedHashMap<>();
        for (Violation v : violations) {
            String field = fieldOf(v.path());
            at.merge(field, field.isEmpty() ? (v.path().isEmpty() ? "" : v.path() + ": ") + v.message() : v.message(), (a, b) -> a + "; " + b);
        }
        return new BlueprintForm(identifier, title, icon, description, properties, relations, at);
    }

    private String fieldOf(String path) {
        String[] parts = path.split("\\.");
        if (parts.length == 1 && List.of("identifier", "title", "icon", "description").contains(parts[0])) return parts[0];
        if (path.startsWith("schema.properties.") && parts.length >= 3) {
            String name = parts[2].replaceAll("\\[.*", "");
            String leaf = parts.length > 3 ? parts[3].replaceAll("\\[.*", "") : "name";
            String field = switch (leaf) {
                case "type", "format", "title" -> leaf;
                case "enum" -> "allowed";
                default -> "name";
            };
            for (PropertyRow p : properties) if (p.name().equals(name)) return "p." + p.index() + "." + field;
        }
        if (path.startsWith("schema.required")) return "";
        if (path.startsWith("relations.") && parts.length >= 2) {
            String leaf = parts.length > 2 ? parts[2] : "name";
            String field = List.of("target", "title", "required", "many").contains(leaf) ? leaf : "name";
            for (RelationRow r : relations) if (r.name().equals(parts[1])) return "r." + r.index() + "." + field;
        }
        return "";
    }

    /** The problem at a field, or null. */
    public String error(String field) {
        return errors.get(field);
    }

    /** Problems that belong to no field (shown above the form, with their path). */
    public String general() {
        return errors.get("");
    }

    private static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.trim();
    }
}
