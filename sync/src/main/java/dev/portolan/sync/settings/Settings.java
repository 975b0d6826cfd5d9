package dev.portolan.sync.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.integration.SecretUrls;

import java.util.Set;

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
     * {@link SettingDefinition#secretPaths() secret places} inside the others, and credentials in
     * URLs redacted ({@link SecretUrls}, with the parameters these settings mark secret): for the
     * API, the UI and logs.
     */
    public ObjectNode redacted() {
        ObjectNode copy = values.deepCopy();
        Set<String> secretParams = secretParams();
        values.properties().forEach(field -> copy.set(field.getKey(), definition.redacted(field.getKey(), field.getValue(), secretParams)));
        return copy;
    }

    /** The query parameter names these settings mark secret, beyond those that look secret anyway. */
    public Set<String> secretParams() {
        return definition.secretParams(values);
    }

    /**
     * A settings value as a client sent it back, with every {@link #REDACTED} placeholder (at any
     * depth, e.g. a header inside {@code kinds}), and every string that is the stored string with
     * parts redacted (a URL whose token GET hid), replaced by the stored value at the same place, so
     * that a form can return what GET showed without erasing secrets.
     */
    public static JsonNode withStoredSecrets(JsonNode given, JsonNode stored) {
        if (given == null) return null;
        if (given.isTextual() && REDACTED.equals(given.asText())) return stored == null ? given : stored.deepCopy();
        if (given.isTextual() && stored != null && stored.isTextual()
                && SecretUrls.isRedactionOf(given.asText(), stored.asText())) return stored.deepCopy();
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
