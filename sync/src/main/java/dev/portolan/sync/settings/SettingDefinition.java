package dev.portolan.sync.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One setting, declared once: its name, type, default, whether it is required or secret, a
 * one-line doc, and an optional validator for what the type cannot say. The declaration drives
 * parsing, validation, error messages and the docs.
 *
 * @param defaultValue null when there is none
 * @param validator    adds violations for a present, well-typed value; may be null
 * @param secretPaths  for an object or list setting that is not secret as a whole, the places inside
 *                     its value that are: dot-separated keys, {@code *} matching any key or element
 *                     (e.g. {@code *.headers.*} hides every header value of every kind); never null
 */
public record SettingDefinition(String name, SettingType type, boolean required, JsonNode defaultValue,
                                boolean secret, String doc, Validator validator, List<String> secretPaths) {

    @FunctionalInterface
    public interface Validator {
        /** Adds a message per problem with {@code value} to {@code problems}; {@code path} is where it is. */
        void validate(String path, JsonNode value, List<dev.portolan.catalog.Violation> problems);
    }

    public SettingDefinition {
        secretPaths = secretPaths == null ? List.of() : List.copyOf(secretPaths);
    }

    public SettingDefinition(String name, SettingType type, boolean required, JsonNode defaultValue,
                             boolean secret, String doc, Validator validator) {
        this(name, type, required, defaultValue, secret, doc, validator, List.of());
    }

    /** A copy whose values at {@code paths} (see {@link #secretPaths()}) are secrets. */
    public SettingDefinition withSecretPaths(String... paths) {
        return new SettingDefinition(name, type, required, defaultValue, secret, doc, validator, List.of(paths));
    }

    /** {@code value} as the API, the UI and logs may show it: a copy with every secret replaced by {@link Settings#REDACTED}. */
    JsonNode redacted(JsonNode value) {
        if (secret) return TextNode.valueOf(Settings.REDACTED);
        JsonNode copy = value.deepCopy();
        for (String path : secretPaths) redact(copy, path.split("\\."), 0);
        return copy;
    }

    private static void redact(JsonNode node, String[] keys, int depth) {
        String key = keys[depth];
        boolean last = depth == keys.length - 1;
        if (node instanceof ObjectNode object) {
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                if (!key.equals("*") && !key.equals(field)) continue;
                if (last) object.put(field, Settings.REDACTED);
                else redact(object.get(field), keys, depth + 1);
            }
        } else if (node instanceof ArrayNode array && key.equals("*")) {
            for (int i = 0; i < array.size(); i++) {
                if (last) array.set(i, TextNode.valueOf(Settings.REDACTED));
                else redact(array.get(i), keys, depth + 1);
            }
        }
    }
}
