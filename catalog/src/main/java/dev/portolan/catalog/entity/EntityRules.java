package dev.portolan.catalog.entity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.Identifiers;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.PropertyDefinition;
import dev.portolan.catalog.blueprint.PropertySchema;
import dev.portolan.catalog.blueprint.Relation;
import dev.portolan.catalog.json.Json;

import java.util.ArrayList;
import java.util.List;

/** Checks a whole entity against its blueprint and returns every violation, keyed by path. */
public final class EntityRules {

    private EntityRules() {}

    public static List<Violation> check(Entity entity, Blueprint blueprint) {
        return check(entity, blueprint, blueprint.properties());
    }

    /** @param schema the blueprint's property schema, read from its JSON once for a batch of entities */
    static List<Violation> check(Entity entity, Blueprint blueprint, PropertySchema schema) {
        List<Violation> violations = new ArrayList<>();
        if (!Identifiers.isEntityIdentifier(entity.identifier())) {
            violations.add(new Violation("identifier", "'" + PropertyValueRules.abbreviate(String.valueOf(entity.identifier()))
                    + "' is not valid: use " + Identifiers.entityIdentifierRule()));
        }
        for (int i = 0; i < entity.team().size(); i++) {
            if (entity.team().get(i).isBlank()) violations.add(new Violation("team[" + i + "]", "must not be empty"));
        }
        checkProperties(entity, blueprint, schema, violations);
        checkRelations(entity, blueprint, violations);
        checkNoNul("title", entity.title() == null ? null : Json.MAPPER.getNodeFactory().textNode(entity.title()), violations);
        checkNoNul("icon", entity.icon() == null ? null : Json.MAPPER.getNodeFactory().textNode(entity.icon()), violations);
        for (int i = 0; i < entity.team().size(); i++) {
            checkNoNul("team[" + i + "]", Json.MAPPER.getNodeFactory().textNode(entity.team().get(i)), violations);
        }
        entity.properties().properties().forEach(e -> checkStorable("properties." + e.getKey(), e.getValue(), violations));
        entity.relations().properties().forEach(e -> checkStorable("relations." + e.getKey(), e.getValue(), violations));
        return violations;
    }

    /** No text can hold a NUL character: PostgreSQL refuses it in text and jsonb, so neither dialect stores one. */
    private static void checkNoNul(String path, JsonNode value, List<Violation> violations) {
        if (value != null && value.isTextual() && value.asText().indexOf('\0') >= 0) {
            violations.add(new Violation(path, "must not contain a NUL character (\\u0000)"));
        }
    }

    /**
     * Values both dialects store as given: no NUL character (see {@link #checkNoNul}), and numbers
     * within the range of a double (SQLite's JSON turns 1e999 into Infinity, PostgreSQL's numeric
     * overflows on it; what is beyond a double is beyond what JSON readers agree on anyway).
     */
    private static void checkStorable(String path, JsonNode value, List<Violation> violations) {
        if (value == null) return;
        checkNoNul(path, value, violations);
        if (value.isNumber()) {
            double asDouble = value.doubleValue();
            if (Double.isInfinite(asDouble) || (asDouble == 0 && value.decimalValue().signum() != 0)) {
                violations.add(new Violation(path, "the number " + PropertyValueRules.abbreviate(value.asText())
                        + " is outside the range that can be stored (that of a double, about 4.9e-324 to 1.8e308)"));
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) checkStorable(path + "[" + i + "]", value.get(i), violations);
        } else if (value.isObject()) {
            value.properties().forEach(e -> {
                if (e.getKey().indexOf('\0') >= 0) violations.add(new Violation(path, "must not contain a NUL character (\\u0000) in a key"));
                checkStorable(path + "." + e.getKey(), e.getValue(), violations);
            });
        }
    }

    private static void checkProperties(Entity entity, Blueprint blueprint, PropertySchema schema, List<Violation> violations) {
        entity.properties().properties().forEach(e -> {
            PropertyDefinition definition = schema.definition(e.getKey());
            if (definition == null) {
                violations.add(new Violation("properties." + e.getKey(), "is not a property of blueprint '"
                        + blueprint.identifier() + "'" + allowed(schema.definitions().keySet())));
            } else {
                PropertyValueRules.check("properties." + e.getKey(), definition, e.getValue(), violations);
            }
        });
        for (String required : schema.required()) {
            JsonNode value = entity.properties().get(required);
            if (value == null || value.isNull()) {
                violations.add(new Violation("properties." + required, "is required by blueprint '" + blueprint.identifier() + "'"));
            }
        }
    }

    private static void checkRelations(Entity entity, Blueprint blueprint, List<Violation> violations) {
        entity.relations().properties().forEach(e -> {
            String path = "relations." + e.getKey();
            Relation relation = blueprint.relations().get(e.getKey());
            JsonNode value = e.getValue();
            if (relation == null) {
                violations.add(new Violation(path, "is not a relation of blueprint '" + blueprint.identifier() + "'"
                        + allowed(blueprint.relations().keySet())));
            } else if (relation.many()) {
                checkManyRelation(path, value, violations);
            } else if (!value.isNull() && !value.isTextual()) {
                violations.add(new Violation(path, "must be the identifier of one '" + relation.target()
                        + "' entity (a string) or null, got " + Json.typeName(value)));
            }
        });
        blueprint.relations().forEach((name, relation) -> {
            JsonNode value = entity.relations().get(name);
            if (relation.required() && (value == null || value.isNull())) {
                violations.add(new Violation("relations." + name, "is required by blueprint '" + blueprint.identifier()
                        + "': give the identifier of a '" + relation.target() + "' entity"));
            }
        });
    }

    private static void checkManyRelation(String path, JsonNode value, List<Violation> violations) {
        if (value.isNull()) return;
        if (!value.isArray()) {
            violations.add(new Violation(path, "is a 'many' relation: must be an array of identifiers, got " + Json.typeName(value)));
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                violations.add(new Violation(path + "[" + i + "]", "must be an identifier (a string), got " + Json.typeName(value.get(i))));
            }
        }
    }

    private static String allowed(java.util.Collection<String> names) {
        return names.isEmpty() ? " (it has none)" : "; it has: " + String.join(", ", names);
    }
}
