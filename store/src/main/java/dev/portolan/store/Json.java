package dev.portolan.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** JSON columns to and from Jackson trees; one shared, thread-safe {@link ObjectMapper}. */
final class Json {

    /** The catalog's mapper: numbers are read as BigDecimal, so a stored 1.10 reads back as 1.10. */
    static final ObjectMapper MAPPER = dev.portolan.catalog.json.Json.MAPPER;

    private Json() {}

    static String write(JsonNode node) {
        return node == null ? null : node.toString();
    }

    static String writeStrings(Collection<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        if (values != null) {
            values.forEach(array::add);
        }
        return array.toString();
    }

    static JsonNode read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not valid: " + e.getOriginalMessage(), e);
        }
    }

    static ObjectNode readObject(String json) {
        JsonNode node = read(json);
        return node instanceof ObjectNode object ? object : MAPPER.createObjectNode();
    }

    static List<String> readStrings(String json) {
        List<String> values = new ArrayList<>();
        JsonNode node = read(json);
        if (node != null) {
            node.forEach(element -> values.add(element.asText()));
        }
        return values;
    }
}
