package dev.portolan.ui.builder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.json.Json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * Merges the fields of a {@link BlueprintForm} into a blueprint's JSON (the stored one when editing, a bare
 * {@code {identifier}} when creating). The form owns only what it shows: the title, icon and description;
 * per property its type, title, format, allowed values and whether it is required; per relation its
 * title, target, required and many. Everything else is kept as it is: a property's description, default
 * and other keywords, mirror, calculation and aggregation properties, Port's other fields. Stored
 * properties and relations are kept in their order; a row ticked "remove" removes its own, and a
 * stored one that has no row in the post (a post from an older page) is kept, never dropped. New rows
 * come after. Allowed values left as shown keep the stored {@code enum} exactly (its values may hold
 * commas, or be other than text and numbers).
 *
 * <p>Judging the result is the blueprint service's business; refused here is only what the fields
 * cannot say in JSON (two rows of one name, a new row named as a stored one) and a form filled from an
 * older version of the blueprint than the one stored (saving it would undo another person's changes).
 */
final class BlueprintFormMerge {

    private BlueprintFormMerge() {}

    static ObjectNode apply(BlueprintForm form, ObjectNode stored) {
        checkVersion(form, stored);
        checkNames(form, stored);
        ObjectNode json = stored.deepCopy();
        text(json, "title", form.title());
        text(json, "icon", form.icon());
        text(json, "description", form.description());
        ObjectNode schema = json.get("schema") instanceof ObjectNode s ? s : json.putObject("schema");
        mergeProperties(form, schema);
        mergeRelations(form, json);
        return json;
    }

    private static void mergeProperties(BlueprintForm form, ObjectNode schema) {
        ObjectNode properties = mergeRows(schema.get("properties"), form.properties(), BlueprintFormMerge::definition);
        schema.set("properties", properties);
        schema.set("required", required(form, schema.path("required"), properties));
    }

    /** The form's row over a definition: what the row does not show stays as it was. */
    private static JsonNode definition(JsonNode base, BlueprintForm.PropertyRow row) {
        ObjectNode definition = base instanceof ObjectNode o ? o : Json.object();
        definition.put("type", row.type());
        text(definition, "title", row.title());
        text(definition, "format", row.format());
        if (!row.allowed().equals(allowedText(definition.get("enum")))) {
            if (row.allowed().isBlank()) definition.remove("enum");
            else definition.set("enum", allowed(row));
        }
        return definition;
    }

    /** The stored list, in its order, less what is no longer a property or was unticked; then what was newly ticked. */
    private static ArrayNode required(BlueprintForm form, JsonNode stored, ObjectNode properties) {
        Map<String, Boolean> ticked = new LinkedHashMap<>();
        for (BlueprintForm.PropertyRow row : form.properties()) {
            if (!row.isEmpty() && !row.remove()) ticked.put(row.name(), row.required());
        }
        ArrayNode required = Json.MAPPER.createArrayNode();
        Set<String> listed = new HashSet<>();
        for (JsonNode name : stored.isArray() ? stored : Json.MAPPER.createArrayNode()) {
            boolean keep = !name.isTextual() || properties.has(name.asText()) && ticked.getOrDefault(name.asText(), true);
            if (keep && listed.add(name.asText())) required.add(name);
        }
        ticked.forEach((name, isRequired) -> {
            if (isRequired && listed.add(name)) required.add(name);
        });
        return required;
    }

    private static void mergeRelations(BlueprintForm form, ObjectNode json) {
        json.set("relations", mergeRows(json.get("relations"), form.relations(), BlueprintFormMerge::relation));
    }

    /**
     * The stored definitions, in their order, with each row laid over the one it names (or dropping it
     * when ticked to remove); definitions no row names stay as they were; new rows come last.
     */
    private static <R extends BlueprintForm.Row> ObjectNode mergeRows(JsonNode stored, List<R> formRows,
                                                                    BiFunction<JsonNode, R, JsonNode> over) {
        Map<String, R> rows = new LinkedHashMap<>();
        for (R row : formRows) if (!row.isEmpty()) rows.put(row.name(), row);
        ObjectNode storedDefinitions = stored instanceof ObjectNode o ? o : Json.object();
        ObjectNode merged = Json.object();
        storedDefinitions.properties().forEach(e -> {
            R row = rows.remove(e.getKey());
            if (row == null) merged.set(e.getKey(), e.getValue());
            else if (!row.remove()) merged.set(e.getKey(), over.apply(e.getValue().deepCopy(), row));
        });
        rows.values().forEach(row -> {
            if (!row.remove()) merged.set(row.name(), over.apply(Json.object(), row));
        });
        return merged;
    }

    private static JsonNode relation(JsonNode base, BlueprintForm.RelationRow row) {
        ObjectNode relation = base instanceof ObjectNode o ? o : Json.object();
        text(relation, "title", row.title());
        text(relation, "target", row.target()); // none chosen: the service says the target is required
        relation.put("required", row.required());
        relation.put("many", row.many());
        return relation;
    }

    private static void checkVersion(BlueprintForm form, ObjectNode stored) {
        if (!form.isEdit()) return;
        String current = stored.path("updatedAt").asText("");
        if (!form.version().equals(current)) {
            throw CatalogException.conflict("blueprint_changed", "Blueprint '" + form.identifier() + "' was changed"
                    + (stored.hasNonNull("updatedBy") ? " by " + stored.get("updatedBy").asText() : "") + " at " + current
                    + ", after this form was filled in; nothing was saved. Open the blueprint again to see that change, then redo yours.");
        }
    }

    /** Rows that JSON cannot hold side by side: two of one name, or a new row named as a stored property or relation. */
    private static void checkNames(BlueprintForm form, ObjectNode stored) {
        List<Violation> violations = new ArrayList<>();
        Set<String> storedProperties = names(stored.path("schema").path("properties"));
        Set<String> seen = new HashSet<>();
        for (BlueprintForm.PropertyRow row : form.properties()) {
            if (row.isEmpty()) continue;
            checkName("p." + row.index() + ".name", row.name(), row.stored(), storedProperties::contains, "property", seen, violations);
        }
        Set<String> storedRelations = names(stored.path("relations"));
        seen.clear();
        for (BlueprintForm.RelationRow row : form.relations()) {
            if (row.isEmpty()) continue;
            checkName("r." + row.index() + ".name", row.name(), row.stored(), storedRelations::contains, "relation", seen, violations);
        }
        if (!violations.isEmpty()) {
            throw CatalogException.invalid("invalid_blueprint", "Blueprint '" + form.identifier() + "'", violations);
        }
    }

    private static void checkName(String field, String name, boolean storedRow, Predicate<String> isStored, String what,
                                  Set<String> seen, List<Violation> violations) {
        if (name.isBlank()) violations.add(new Violation(field, "give the " + what + " an identifier (or empty the row)"));
        else if (!storedRow && isStored.test(name)) {
            violations.add(new Violation(field, "'" + name + "' is already a " + what + " of this blueprint"));
        } else if (!seen.add(name)) violations.add(new Violation(field, "'" + name + "' is the identifier of another row"));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Allowed values as the form shows them: comma-separated; empty when there are none. */
    static String allowedText(JsonNode values) {
        if (values == null || !values.isArray()) return "";
        return String.join(", ", StreamSupport.stream(values.spliterator(), false)
                .map(v -> v.isTextual() ? v.asText() : v.toString()).toList());
    }

    /** Comma-separated allowed values, as numbers or booleans for such a property (left as text when not one: the service says so). */
    private static ArrayNode allowed(BlueprintForm.PropertyRow p) {
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
            if (p.type().equals("boolean") && (value.equals("true") || value.equals("false"))) values.add(Boolean.parseBoolean(value));
            else values.add(value);
        }
        return values;
    }

    /** Sets a text field, or removes it when the form's field is empty. */
    private static void text(ObjectNode node, String field, String value) {
        if (value.isBlank()) node.remove(field);
        else node.put(field, value);
    }
}
