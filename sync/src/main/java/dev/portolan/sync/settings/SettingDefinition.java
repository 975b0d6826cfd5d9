package dev.portolan.sync.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.portolan.catalog.integration.SecretUrls;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

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
 * @param secretParamLists places inside the value (same syntax) that hold lists of query parameter
 *                     names the user marked secret: their values are redacted in every URL of these
 *                     settings ({@link SecretUrls}), beyond the names that look secret anyway; never null
 */
public record SettingDefinition(String name, SettingType type, boolean required, JsonNode defaultValue,
                                boolean secret, String doc, Validator validator, List<String> secretPaths,
                                List<String> secretParamLists) {

    @FunctionalInterface
    public interface Validator {
        /** Adds a message per problem with {@code value} to {@code problems}; {@code path} is where it is. */
        void validate(String path, JsonNode value, List<dev.portolan.catalog.Violation> problems);
    }

    public SettingDefinition {
        secretPaths = secretPaths == null ? List.of() : List.copyOf(secretPaths);
        secretParamLists = secretParamLists == null ? List.of() : List.copyOf(secretParamLists);
    }

    public SettingDefinition(String name, SettingType type, boolean required, JsonNode defaultValue,
                             boolean secret, String doc, Validator validator) {
        this(name, type, required, defaultValue, secret, doc, validator, List.of(), List.of());
    }

    /** A copy whose values at {@code paths} (see {@link #secretPaths()}) are secrets. */
    public SettingDefinition withSecretPaths(String... paths) {
        return new SettingDefinition(name, type, required, defaultValue, secret, doc, validator, List.of(paths), secretParamLists);
    }

    /** A copy whose lists at {@code paths} name secret query parameters (see {@link #secretParamLists()}). */
    public SettingDefinition withSecretParamLists(String... paths) {
        return new SettingDefinition(name, type, required, defaultValue, secret, doc, validator, secretPaths, List.of(paths));
    }

    /**
     * {@code value} as the API, the UI and logs may show it: a copy with every secret replaced by
     * {@link Settings#REDACTED}, and credentials in its URLs redacted ({@link SecretUrls}).
     */
    JsonNode redacted(JsonNode value, Set<String> secretParams) {
        if (secret) return TextNode.valueOf(Settings.REDACTED);
        JsonNode copy = value.deepCopy();
        for (String path : secretPaths) {
            visit(copy, path.split("\\."), 0, (parent, key) -> {
                if (parent instanceof ObjectNode object) object.put(key, Settings.REDACTED);
                else ((ArrayNode) parent).set(Integer.parseInt(key), TextNode.valueOf(Settings.REDACTED));
            });
        }
        return SecretUrls.redactStrings(copy, secretParams);
    }

    /** Adds the query parameter names found at {@link #secretParamLists()} in {@code value} to {@code names}. */
    void collectSecretParams(JsonNode value, Set<String> names) {
        for (String path : secretParamLists) {
            visit(value, path.split("\\."), 0, (parent, key) -> {
                JsonNode list = parent.isObject() ? parent.get(key) : parent.get(Integer.parseInt(key));
                if (list != null) list.forEach(n -> { if (n.isTextual()) names.add(n.asText()); });
            });
        }
    }

    /** Calls {@code at} with (container, key or index) for every place {@code keys} matches. */
    private static void visit(JsonNode node, String[] keys, int depth, BiConsumer<JsonNode, String> at) {
        String key = keys[depth];
        boolean last = depth == keys.length - 1;
        if (node instanceof ObjectNode object) {
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                if (!key.equals("*") && !key.equals(field)) continue;
                if (last) at.accept(object, field);
                else visit(object.get(field), keys, depth + 1, at);
            }
        } else if (node instanceof ArrayNode array && key.equals("*")) {
            for (int i = 0; i < array.size(); i++) {
                if (last) at.accept(array, Integer.toString(i));
                else visit(array.get(i), keys, depth + 1, at);
            }
        }
    }
}
