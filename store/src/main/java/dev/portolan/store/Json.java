package dev.portolan.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.CanonicalJson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** JSON columns to and from Jackson trees; one shared, thread-safe {@link ObjectMapper}. */
final class Json {

    /** The catalog's mapper: numbers are read as BigDecimal, so a stored 1.10 reads back as 1.10. */
    static final ObjectMapper MAPPER = dev.portolan.catalog.json.Json.MAPPER;

    private static final ThreadLocal<CanonicalJson> TEXTS = ThreadLocal.withInitial(CanonicalJson::new);

    private Json() {}

    static String write(JsonNode node) {
        return node == null ? null : node.toString();
    }

    /**
     * A JSON array of texts (an audit record's changed fields, written for every entity a resync
     * writes). It has no keys to sort, so its canonical text is exactly what Jackson writes, without
     * building a tree and a generator for it.
     */
    static String writeStrings(Collection<String> values) {
        CanonicalJson text = TEXTS.get().reset().startArray();
        if (values != null) {
            values.forEach(text::string);
        }
        return text.endArray().toString();
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
