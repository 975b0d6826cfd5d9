package dev.portolan.catalog.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A typed read of a blueprint's {@code schema}: its property definitions in declaration order and
 * the names of the required ones. Assumes the schema passed {@link BlueprintValidator}.
 *
 * @param defaults the {@code default} of each property that declares one (most declare none: a new
 *                 entity then looks no further)
 */
public record PropertySchema(Map<String, PropertyDefinition> definitions, Set<String> required, Map<String, JsonNode> defaults) {

    public static PropertySchema of(ObjectNode schema) {
        Map<String, PropertyDefinition> definitions = new LinkedHashMap<>();
        JsonNode properties = schema.path("properties");
        properties.properties().forEach(e -> {
            if (e.getValue() instanceof ObjectNode definition) {
                definitions.put(e.getKey(), PropertyDefinition.of(definition));
            }
        });
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(n -> required.add(n.asText()));
        Map<String, JsonNode> defaults = new LinkedHashMap<>();
        definitions.forEach((name, definition) -> {
            if (definition.json().has("default")) defaults.put(name, definition.json().get("default"));
        });
        return new PropertySchema(Collections.unmodifiableMap(definitions), Collections.unmodifiableSet(required),
                Collections.unmodifiableMap(defaults));
    }

    public PropertyDefinition definition(String property) {
        return definitions.get(property);
    }
}
