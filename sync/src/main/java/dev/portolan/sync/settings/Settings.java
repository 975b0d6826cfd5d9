package dev.portolan.sync.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Parsed, valid settings of one installation (defaults applied). Immutable by convention: the
 * values node is never handed out, only copies.
 */
public final class Settings {

    public static final String REDACTED = "********";

    private final ObjectNode values;
    private final SettingsDefinition definition;

    Settings(ObjectNode values, SettingsDefinition definition) {
        this.values = values;
        this.definition = definition;
    }

    public String string(String name) {
        JsonNode value = values.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    public int integer(String name) {
        return values.path(name).asInt();
    }

    public boolean bool(String name) {
        return values.path(name).asBoolean();
    }

    /** An object or list setting (a copy), or null. */
    public JsonNode json(String name) {
        JsonNode value = values.get(name);
        return value == null ? null : value.deepCopy();
    }

    /** All values, secrets included: for storage only. */
    public ObjectNode toJson() {
        return values.deepCopy();
    }

    /**
     * All values with secrets replaced by {@link #REDACTED}, secret settings as a whole and the
     * {@link SettingDefinition#secretPaths() secret places} inside the others: for the API, the UI and logs.
     */
    public ObjectNode redacted() {
        ObjectNode copy = values.deepCopy();
        values.properties().forEach(field -> copy.set(field.getKey(), definition.redacted(field.getKey(), field.getValue())));
        return copy;
    }

    /**
     * A settings value as a client sent it back, with every {@link #REDACTED} placeholder (at any
     * depth, e.g. a header inside {@code kinds}) replaced by the stored value at the same place, so
     * that a form can return what GET showed without erasing secrets.
     */
    public static JsonNode withStoredSecrets(JsonNode given, JsonNode stored) {
        if (given == null) return null;
        if (given.isTextual() && REDACTED.equals(given.asText())) return stored == null ? given : stored.deepCopy();
        if (given instanceof ObjectNode object) {
            ObjectNode copy = object.objectNode();
            object.properties().forEach(e -> copy.set(e.getKey(),
                    withStoredSecrets(e.getValue(), stored == null ? null : stored.get(e.getKey()))));
            return copy;
        }
        if (given.isArray()) {
            var copy = ((com.fasterxml.jackson.databind.node.ArrayNode) given).arrayNode();
            for (int i = 0; i < given.size(); i++) copy.add(withStoredSecrets(given.get(i), stored == null ? null : stored.get(i)));
            return copy;
        }
        return given;
    }
}
