package dev.portolan.sync.settings;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;

/** The JSON shape a setting's value must have. */
public enum SettingType {
    STRING, INTEGER, BOOLEAN, URL, OBJECT, LIST;

    /** @return why {@code value} does not fit, or null when it does */
    String problem(JsonNode value) {
        return switch (this) {
            case STRING -> value.isTextual() ? null : "must be a string";
            case INTEGER -> value.canConvertToExactIntegral() ? null : "must be a whole number";
            case BOOLEAN -> value.isBoolean() ? null : "must be true or false";
            case OBJECT -> value.isObject() ? null : "must be an object";
            case LIST -> value.isArray() ? null : "must be an array";
            case URL -> value.isTextual() && isUrl(value.asText()) ? null : "must be an absolute URL (http, https or file)";
        };
    }

    private static boolean isUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()) || "file".equals(uri.getScheme()));
        } catch (Exception e) {
            return false;
        }
    }
}
