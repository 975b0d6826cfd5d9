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
 */
public record PropertySchema(Map<String, PropertyDefinition> definitions, Set<String> required) {

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
        return new PropertySchema(Collections.unmodifiableMap(definitions), Collections.unmodifiableSet(required));
    }

    public PropertyDefinition definition(String property) {
        return definitions.get(property);
    }
}
