package dev.portolan.catalog.blueprint;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One property of a blueprint's schema.
 *
 * @param type    {@code string}, {@code number}, {@code boolean}, {@code object} or {@code array}
 * @param format  the string format ({@code date-time}, {@code url}, {@code user}, ...) or null
 * @param json    the whole definition as given ({@code enum}, {@code pattern}, {@code items}, ...)
 */
public record PropertyDefinition(String type, String format, ObjectNode json) {

    public static PropertyDefinition of(ObjectNode json) {
        return new PropertyDefinition(json.path("type").asText(null), json.path("format").asText(null), json);
    }

    /** Scalar properties are the ones search can index and compare by value. */
    public boolean isScalar() {
        return "number".equals(type) || "boolean".equals(type)
                || ("string".equals(type) && !"markdown".equals(format) && !"yaml".equals(format));
    }
}
