package dev.portolan.catalog.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The one shared {@link ObjectMapper} and small JSON helpers. The mapper is thread-safe.
 * Numbers are read as {@code BigDecimal} so that a stored number is written back exactly as given.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Keep 1.10 as 1.10: what a user stored is what they read back.
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    private Json() {}

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON text with object keys sorted at every level: the same content always gives the same text. */
    public static String canonical(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
            writeCanonical(node, generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeCanonical(JsonNode node, JsonGenerator generator) throws IOException {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            fields.sort(Map.Entry.comparingByKey());
            generator.writeStartObject();
            for (Map.Entry<String, JsonNode> field : fields) {
                generator.writeFieldName(field.getKey());
                writeCanonical(field.getValue(), generator);
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                writeCanonical(it.next(), generator);
            }
            generator.writeEndArray();
        } else if (node.isTextual()) {
            // Scalars are written directly: writeTree would look up a serializer for every value.
            generator.writeString(node.textValue());
        } else if (node.isBoolean()) {
            generator.writeBoolean(node.booleanValue());
        } else if (node.isNull()) {
            generator.writeNull();
        } else if (node.isInt() || node.isLong() || node.isShort()) {
            // The plain notation of an int or a long is its digits: no BigDecimal needed.
            generator.writeNumber(node.longValue());
        } else if (node.isNumber()) {
            // 1, 1.0 and 1.00 are the same number to JSON users; hash them alike. Plain notation, except
            // for huge exponents (1e999999999 would be a billion digits): those keep their exponent.
            java.math.BigDecimal number = node.decimalValue().stripTrailingZeros();
            generator.writeNumber(Math.abs(number.scale()) <= 1000 ? number.toPlainString() : number.toString());
        } else {
            MAPPER.writeTree(generator, node);
        }
    }

    /** "string", "number", ... as JSON Schema names the node's type. */
    public static String typeName(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return "null";
        if (node.isTextual()) return "string";
        if (node.isNumber()) return "number";
        if (node.isBoolean()) return "boolean";
        if (node.isArray()) return "array";
        return "object";
    }
}
