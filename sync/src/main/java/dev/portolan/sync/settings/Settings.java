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
}
