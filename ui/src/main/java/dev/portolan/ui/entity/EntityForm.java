package dev.portolan.ui.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.PropertyDefinition;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.json.Json;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The edit form of an entity, generated from its blueprint: one field per declared property (by
 * type and format: text, number, yes/no, choice of the enum, long text, JSON for arrays and
 * objects), one per relation, plus title and team. It turns what was typed into the API's entity
 * JSON; the entity service then validates it exactly as for {@code PUT /v1/blueprints/{b}/entities/{e}},
 * and its violations come back here, each at its field.
 */
public record EntityForm(List<Field> fields, String error) {

    public enum Input { TEXT, NUMBER, BOOLEAN, SELECT, TEXTAREA, JSON }

    /**
     * @param name  the form field name, which is also the API's violation path ({@code properties.tier})
     * @param error what is wrong with the value, or null
     */
    public record Field(String name, String label, Input input, List<String> options, String value, String hint,
                        boolean required, String error) {

        Field withError(String message) {
            return new Field(name, label, input, options, value, hint, required, error == null ? message : error + "; " + message);
        }
    }

    /** The form filled with the entity as stored. */
    public static EntityForm of(Blueprint blueprint, Entity entity) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", entity.title() == null ? "" : entity.title());
        values.put("team", String.join(", ", entity.team()));
        blueprint.properties().definitions().forEach((name, d) -> values.put("properties." + name, text(entity.properties().get(name), d)));
        blueprint.relations().forEach((name, r) -> {
            JsonNode v = entity.relations().get(name);
            values.put("relations." + name, v == null || v.isNull() ? "" : v.isArray() ? join(v) : v.asText());
        });
        return build(blueprint, values::get);
    }

    /** The form as the browser posted it. */
    public static EntityForm posted(Blueprint blueprint, Context ctx) {
        return build(blueprint, name -> {
            String value = ctx.formParam(name);
            return value == null ? "" : value;
        });
    }

    private static EntityForm build(Blueprint blueprint, java.util.function.Function<String, String> value) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("title", "Title", Input.TEXT, List.of(), value.apply("title"), null, false, null));
        fields.add(new Field("team", "Team", Input.TEXT, List.of(), value.apply("team"), "team names, separated by commas", false, null));
        var required = blueprint.properties().required();
        blueprint.properties().definitions().forEach((name, d) -> fields.add(property(name, d, value.apply("properties." + name),
                required.contains(name))));
        blueprint.relations().forEach((name, r) -> fields.add(new Field("relations." + name,
                (r.title() == null ? name : r.title()), Input.TEXT, List.of(), value.apply("relations." + name),
                "identifier of a " + r.target() + (r.many() ? "; several separated by commas" : ""), r.required(), null)));
        return new EntityForm(List.copyOf(fields), null);
    }

    private static Field property(String name, PropertyDefinition d, String value, boolean required) {
        String label = d.json().path("title").asText(name);
        String type = String.valueOf(d.type());
        String format = d.format() == null ? "" : d.format();
        String hint = d.json().path("description").asText(null);
        if (d.json().has("enum")) {
            List<String> options = new ArrayList<>();
            d.json().get("enum").forEach(o -> options.add(o.asText()));
            return new Field("properties." + name, label, Input.SELECT, options, value, hint, required, null);
        }
        Input input = switch (type) {
            case "number", "integer" -> Input.NUMBER;
            case "boolean" -> Input.BOOLEAN;
            case "array", "object" -> Input.JSON;
            default -> format.equals("markdown") || format.equals("yaml") || format.equals("json") ? Input.TEXTAREA : Input.TEXT;
        };
        if (hint == null && input == Input.JSON) hint = "JSON " + type;
        if (hint == null && (format.equals("date-time") || format.equals("date"))) hint = "ISO-8601, e.g. 2026-01-31T12:00:00Z";
        return new Field("properties." + name, label, input, List.of(), value, hint, required, null);
    }

    /** The API's entity JSON for what was typed; a value that cannot even be read (bad JSON) is marked at its field. */
    public Parsed toBody() {
        ObjectNode body = Json.object();
        ObjectNode properties = body.putObject("properties");
        ObjectNode relations = body.putObject("relations");
        List<Violation> unreadable = new ArrayList<>();
        for (Field f : fields) {
            String v = f.value().trim();
            if (f.name().equals("title")) {
                if (!v.isEmpty()) body.put("title", v);
            } else if (f.name().equals("team")) {
                ArrayNode team = body.putArray("team");
                for (String t : v.split(",")) if (!t.isBlank()) team.add(t.trim());
            } else if (f.name().startsWith("relations.")) {
                String key = f.name().substring("relations.".length());
                if (!v.isEmpty()) relations.set(key, f.hint() != null && f.hint().contains("several") ? list(v) : Json.MAPPER.getNodeFactory().textNode(v));
            } else if (!v.isEmpty()) {
                String key = f.name().substring("properties.".length());
                try {
                    properties.set(key, typed(f.input(), v));
                } catch (IllegalArgumentException e) {
                    unreadable.add(new Violation(f.name(), e.getMessage()));
                }
            }
        }
        return new Parsed(body, unreadable);
    }

    public record Parsed(ObjectNode body, List<Violation> unreadable) {}

    private static JsonNode typed(Input input, String v) {
        return switch (input) {
            case NUMBER -> {
                try {
                    yield Json.MAPPER.getNodeFactory().numberNode(new BigDecimal(v));
                } catch (NumberFormatException e) {
                    yield Json.MAPPER.getNodeFactory().textNode(v); // the blueprint's rule names the problem
                }
            }
            case BOOLEAN -> Json.MAPPER.getNodeFactory().booleanNode(v.equals("true"));
            case JSON -> {
                try {
                    yield Json.MAPPER.readTree(v);
                } catch (Exception e) {
                    throw new IllegalArgumentException("is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
                }
            }
            default -> Json.MAPPER.getNodeFactory().textNode(v);
        };
    }

    /** This form with each violation shown at its field (paths like {@code properties.tier[0]} go to {@code properties.tier}). */
    public EntityForm withViolations(List<Violation> violations, String message) {
        List<Field> marked = new ArrayList<>(fields);
        List<String> elsewhere = new ArrayList<>();
        for (Violation v : violations) {
            int index = indexOf(marked, v.path());
            if (index >= 0) marked.set(index, marked.get(index).withError(v.message()));
            else elsewhere.add(v.toString());
        }
        String summary = elsewhere.isEmpty() ? message : message + ": " + String.join("; ", elsewhere);
        return new EntityForm(List.copyOf(marked), summary);
    }

    private static int indexOf(List<Field> fields, String path) {
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).name();
            if (path.equals(name) || path.startsWith(name + ".") || path.startsWith(name + "[")) return i;
        }
        return -1;
    }

    private static String text(JsonNode value, PropertyDefinition d) {
        if (value == null || value.isNull()) return "";
        if (value.isContainerNode()) return value.toPrettyString();
        return value.asText();
    }

    private static String join(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(i -> items.add(i.asText()));
        return String.join(", ", items);
    }

    private static ArrayNode list(String v) {
        ArrayNode items = Json.MAPPER.createArrayNode();
        for (String part : v.split(",")) if (!part.isBlank()) items.add(part.trim());
        return items;
    }
}
