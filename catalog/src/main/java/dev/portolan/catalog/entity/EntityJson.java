package dev.portolan.catalog.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.json.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** An entity in Port's JSON shape, both ways. */
public final class EntityJson {

    private static final Set<String> KNOWN = Set.of("identifier", "title", "icon", "team", "properties",
            "relations", "blueprint", "createdAt", "createdBy", "updatedAt", "updatedBy", "scorecards");

    private EntityJson() {}

    /**
     * Reads a request body into a draft; checks only its shape (types of the top-level fields).
     * The blueprint rules are checked once the draft is merged ({@link EntityRules}).
     *
     * @param blueprint the blueprint of the path the body was sent to; a {@code blueprint} field in
     *                  the body must name the same one
     */
    public static EntityDraft read(JsonNode body, String blueprint) {
        if (!(body instanceof ObjectNode object)) {
            throw CatalogException.malformed("An entity must be a JSON object, got " + Json.typeName(body));
        }
        List<Violation> violations = new ArrayList<>();
        object.fieldNames().forEachRemaining(key -> {
            if (!KNOWN.contains(key)) {
                violations.add(new Violation(key, "unknown field; an entity has identifier, title, icon, team, properties, relations"));
            }
        });
        String identifier = null;
        JsonNode id = object.get("identifier");
        if (id != null && !id.isNull()) {
            if (id.isTextual()) identifier = id.asText();
            else violations.add(new Violation("identifier", "must be a string, got " + Json.typeName(id)));
        }
        JsonNode bp = object.get("blueprint");
        if (bp != null && !bp.isNull() && !bp.asText().equals(blueprint)) {
            violations.add(new Violation("blueprint", "is '" + bp.asText() + "', but the entity is sent to blueprint '" + blueprint + "'"));
        }
        JsonNode title = textOrNull(object, "title", violations);
        JsonNode icon = textOrNull(object, "icon", violations);
        List<String> team = readTeam(object.get("team"), violations);
        ObjectNode properties = objectOrEmpty(object, "properties", violations);
        ObjectNode relations = objectOrEmpty(object, "relations", violations);
        String subject = "Entity" + (identifier == null ? "" : " '" + identifier + "'");
        if (!violations.isEmpty()) throw CatalogException.invalid("invalid_entity", subject, violations);
        return new EntityDraft(identifier, title, icon, team, properties, relations);
    }

    public static ObjectNode write(Entity entity) {
        ObjectNode json = Json.object();
        json.put("identifier", entity.identifier());
        json.put("title", entity.title());
        if (entity.icon() != null) json.put("icon", entity.icon());
        json.put("blueprint", entity.blueprint());
        ArrayNode team = json.putArray("team");
        entity.team().forEach(team::add);
        json.set("properties", entity.properties());
        json.set("relations", entity.relations());
        putInstant(json, "createdAt", entity.createdAt());
        json.put("createdBy", entity.createdBy());
        putInstant(json, "updatedAt", entity.updatedAt());
        json.put("updatedBy", entity.updatedBy());
        if (!entity.calculationErrors().isEmpty()) {
            // Not Port's: says why a calculation property reads as null on this read (docs/api.md).
            ObjectNode errors = json.putObject("calculationErrors");
            entity.calculationErrors().forEach(errors::put);
        }
        return json;
    }

    private static void putInstant(ObjectNode json, String field, Instant instant) {
        if (instant != null) json.put(field, instant.toString());
        else json.putNull(field);
    }

    private static JsonNode textOrNull(ObjectNode object, String field, List<Violation> violations) {
        JsonNode value = object.get(field);
        if (value != null && !value.isNull() && !value.isTextual()) {
            violations.add(new Violation(field, "must be a string, got " + Json.typeName(value)));
            return null;
        }
        return value;
    }

    private static List<String> readTeam(JsonNode team, List<Violation> violations) {
        if (team == null) return null;
        if (team.isNull()) return List.of();
        if (team.isTextual()) return List.of(team.asText());
        if (!team.isArray()) {
            violations.add(new Violation("team", "must be a team name or an array of team names"));
            return null;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < team.size(); i++) {
            if (!team.get(i).isTextual()) violations.add(new Violation("team[" + i + "]", "must be a string"));
            else if (!names.contains(team.get(i).asText())) names.add(team.get(i).asText());
        }
        return List.copyOf(names);
    }

    private static ObjectNode objectOrEmpty(ObjectNode object, String field, List<Violation> violations) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) return Json.object();
        if (!(value instanceof ObjectNode node)) {
            violations.add(new Violation(field, "must be an object, got " + Json.typeName(value)));
            return Json.object();
        }
        return node;
    }
}
