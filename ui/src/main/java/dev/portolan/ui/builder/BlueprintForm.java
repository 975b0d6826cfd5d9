package dev.portolan.ui.builder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.json.Json;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The builder's form for a blueprint, to create one or to edit a stored one: identifier, title, icon,
 * description, rows of properties (name, title, type, format, required, allowed values) and rows of
 * relations (name, title, target, required, many). It only turns the fields into blueprint JSON
 * ({@link BlueprintFormMerge}); the blueprint service judges it, and {@link #withErrors} puts each of its
 * violations back at its field. Empty rows are left out. Form field names: {@code p.N.name},
 * {@code r.N.target}, ...
 *
 * <p>Editing, a row of a stored property or relation has its identifier fixed and a "remove" box; what
 * the form does not show (property descriptions and defaults, mirror and calculation properties, ...)
 * is kept as stored.
 *
 * @param version the stored blueprint's {@code updatedAt} the form was filled from; null for a new blueprint
 * @param posted  the form comes from a post (refused, or "More rows"), not from the stored blueprint
 * @param errors  field name → problem; {@code ""} collects what belongs to no field
 */
public record BlueprintForm(String identifier, String version, boolean posted, String title, String icon, String description,
                            List<PropertyRow> properties, List<RelationRow> relations, Map<String, String> errors) {

    /** The types a property may have, and the formats it may have (the empty one: none), as the catalog knows them. */
    public static final List<String> TYPES = List.of("string", "number", "boolean", "array", "object");
    public static final List<String> FORMATS = List.of("", "url", "email", "date-time", "markdown", "yaml", "user", "team",
            "timer", "ipv4", "ipv6", "idn-email", "labeled-url", "proto", "blueprints");

    /** Empty rows a new form offers; "More rows" adds this many again. */
    static final int ROWS = 4;

    /** What property and relation rows have alike: the merge into the stored blueprint reads only this. */
    interface Row {
        String name();

        /** Ticked to remove what the row stands for. */
        boolean remove();

        /** Nothing typed in it: not a row to merge. */
        boolean isEmpty();
    }

    /** @param stored a row of a property the blueprint has (its identifier is fixed); {@code remove}: ticked to remove it */
    public record PropertyRow(int index, String name, String title, String type, String format, boolean required, String allowed,
                              boolean stored, boolean remove) implements Row {
        @Override
        public boolean isEmpty() {
            return name.isBlank() && title.isBlank() && allowed.isBlank();
        }

        static PropertyRow blank(int index) {
            return new PropertyRow(index, "", "", "string", "", false, "", false, false);
        }
    }

    /** @param stored a row of a relation the blueprint has (its identifier is fixed); {@code remove}: ticked to remove it */
    public record RelationRow(int index, String name, String title, String target, boolean required, boolean many,
                              boolean stored, boolean remove) implements Row {
        @Override
        public boolean isEmpty() {
            return name.isBlank() && title.isBlank();
        }

        static RelationRow blank(int index) {
            return new RelationRow(index, "", "", "", false, false, false, false);
        }
    }

    /** A form for a new blueprint. */
    static BlueprintForm empty(int propertyRows, int relationRows) {
        return new BlueprintForm("", null, false, "", "", "", List.of(), List.of(), Map.of()).withBlankRows(propertyRows, relationRows);
    }

    /** A form filled from a stored blueprint's JSON ({@code BlueprintJson.write}), with a few empty rows to add to it. */
    static BlueprintForm of(ObjectNode blueprint) {
        JsonNode schema = blueprint.path("schema");
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        List<PropertyRow> properties = new ArrayList<>();
        schema.path("properties").properties().forEach(e -> {
            JsonNode d = e.getValue();
            properties.add(new PropertyRow(properties.size(), e.getKey(), d.path("title").asText(""), d.path("type").asText(""),
                    d.path("format").asText(""), required.contains(e.getKey()), BlueprintFormMerge.allowedText(d.get("enum")), true, false));
        });
        List<RelationRow> relations = new ArrayList<>();
        blueprint.path("relations").properties().forEach(e -> {
            JsonNode r = e.getValue();
            relations.add(new RelationRow(relations.size(), e.getKey(), r.path("title").asText(""), r.path("target").asText(""),
                    r.path("required").asBoolean(false), r.path("many").asBoolean(false), true, false));
        });
        return new BlueprintForm(blueprint.path("identifier").asText(), blueprint.path("updatedAt").asText(""), false,
                blueprint.path("title").asText(""), blueprint.path("icon").asText(""), blueprint.path("description").asText(""),
                properties, relations, Map.of()).withBlankRows(2, 1);
    }

    /**
     * The posted form. Editing ({@code editing} names the blueprint), the identifier is the blueprint's, whatever was
     * posted, and {@code version} says which stored version the form was filled from.
     */
    static BlueprintForm from(Context ctx, String editing) {
        List<PropertyRow> properties = new ArrayList<>();
        for (int i = 0; ctx.formParam("p." + i + ".name") != null; i++) {
            String p = "p." + i + ".";
            properties.add(new PropertyRow(i, text(ctx, p + "name"), text(ctx, p + "title"), text(ctx, p + "type"), text(ctx, p + "format"),
                    ticked(ctx, p + "required"), raw(ctx, p + "allowed"), ticked(ctx, p + "stored"), ticked(ctx, p + "remove")));
        }
        List<RelationRow> relations = new ArrayList<>();
        for (int i = 0; ctx.formParam("r." + i + ".name") != null; i++) {
            String r = "r." + i + ".";
            relations.add(new RelationRow(i, text(ctx, r + "name"), text(ctx, r + "title"), text(ctx, r + "target"),
                    ticked(ctx, r + "required"), ticked(ctx, r + "many"), ticked(ctx, r + "stored"), ticked(ctx, r + "remove")));
        }
        return new BlueprintForm(editing == null ? text(ctx, "identifier") : editing, editing == null ? null : text(ctx, "version"),
                true, text(ctx, "title"), text(ctx, "icon"), text(ctx, "description"), properties, relations, Map.of());
    }

    /** True when the form edits a stored blueprint; false when it creates one. */
    public boolean isEdit() {
        return version != null;
    }

    /** Where the form posts. */
    public String action() {
        return isEdit() ? "/builder/" + identifier + "/form" : "/builder/new";
    }

    /** The same form with ROWS further empty rows of each. */
    BlueprintForm withMoreRows() {
        return withBlankRows(ROWS, ROWS);
    }

    private BlueprintForm withBlankRows(int propertyRows, int relationRows) {
        List<PropertyRow> p = new ArrayList<>(properties);
        for (int i = 0; i < propertyRows; i++) p.add(PropertyRow.blank(p.size()));
        List<RelationRow> r = new ArrayList<>(relations);
        for (int i = 0; i < relationRows; i++) r.add(RelationRow.blank(r.size()));
        return new BlueprintForm(identifier, version, posted, title, icon, description, p, r, errors);
    }

    /** The blueprint JSON of a new blueprint's filled-in fields, as {@code POST /v1/blueprints} takes it. */
    ObjectNode toJson() {
        return BlueprintFormMerge.apply(this, Json.object().put("identifier", identifier));
    }

    /**
     * The stored blueprint's JSON with this form's fields merged in: everything the form does not show is kept.
     * Refuses (409) when the blueprint changed since the form was filled from it.
     */
    ObjectNode mergeInto(ObjectNode stored) {
        return BlueprintFormMerge.apply(this, stored);
    }

    /** The same form with each violation at the field its path names ({@code schema.properties.tier.type} → tier's type). */
    BlueprintForm withErrors(List<Violation> violations) {
        Map<String, String> at = new LinkedHashMap<>();
        for (Violation v : violations) {
            Place place = placeOf(v.path());
            String message = place.rest().isEmpty() ? v.message() : place.rest() + ": " + v.message();
            at.merge(place.field(), message, (a, b) -> List.of(a.split("; ")).contains(b) ? a : a + "; " + b); // enum[0], enum[1]: said once
        }
        return new BlueprintForm(identifier, version, posted, title, icon, description, properties, relations, at);
    }

    /** A form field, and what of the violation's path it does not show ({@code default} of a property): said with the message. */
    private record Place(String field, String rest) {}

    private Place placeOf(String path) {
        if (path.matches("[pr]\\.\\d+\\.[a-z]+")) return new Place(path, ""); // the form's own problems (BlueprintFormMerge)
        String[] parts = path.split("\\.");
        if (parts.length == 1 && List.of("identifier", "title", "icon", "description").contains(parts[0])) return new Place(parts[0], "");
        if (path.startsWith("schema.properties.") && parts.length >= 3) {
            String name = parts[2].replaceAll("\\[.*", "");
            String leaf = parts.length > 3 ? parts[3].replaceAll("\\[.*", "") : "";
            String field = switch (leaf) {
                case "type", "format", "title" -> leaf;
                case "enum" -> "allowed";
                default -> "name";
            };
            String rest = field.equals("name") && parts.length > 3 ? String.join(".", List.of(parts).subList(3, parts.length)) : "";
            for (PropertyRow p : properties) if (p.name().equals(name)) return new Place("p." + p.index() + "." + field, rest);
        }
        if (path.startsWith("relations.") && parts.length >= 2) {
            String leaf = parts.length > 2 ? parts[2] : "";
            String field = List.of("target", "title", "required", "many").contains(leaf) ? leaf : "name";
            String rest = field.equals("name") && parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : "";
            for (RelationRow r : relations) if (r.name().equals(parts[1])) return new Place("r." + r.index() + "." + field, rest);
        }
        if (parts.length == 1) { // a name given to two of properties, relations, mirror and calculation properties
            for (RelationRow r : relations) if (r.name().equals(path)) return new Place("r." + r.index() + ".name", "");
            for (PropertyRow p : properties) if (p.name().equals(path)) return new Place("p." + p.index() + ".name", "");
        }
        return new Place("", path);
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

    /** Untrimmed: allowed values left as shown must compare equal to the stored ones' text. */
    private static String raw(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    private static boolean ticked(Context ctx, String name) {
        return ctx.formParam(name) != null;
    }
}
