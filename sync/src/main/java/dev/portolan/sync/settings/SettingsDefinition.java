package dev.portolan.sync.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.integration.SecretUrls;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings an integration type takes, in declaration order. Built with {@link #builder()}:
 * <pre>{@code
 * SettingsDefinition.builder()
 *     .required("url", SettingType.URL, "Where the repository is")
 *     .optional("branch", SettingType.STRING, "main", "Branch to read")
 *     .secret("token", "Personal access token")
 *     .build();
 * }</pre>
 */
public final class SettingsDefinition {

    private final Map<String, SettingDefinition> definitions;
    private final List<Rule> rules;

    private SettingsDefinition(Map<String, SettingDefinition> definitions, List<Rule> rules) {
        this.definitions = definitions;
        this.rules = rules;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Collection<SettingDefinition> definitions() {
        return definitions.values();
    }

    /**
     * Parses and validates raw settings; every problem is reported at once, keyed
     * {@code settings.<name>...}. Unknown names are refused with the list of known ones.
     */
    public Settings parse(JsonNode raw) {
        List<Violation> violations = new ArrayList<>();
        ObjectNode given = raw instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        if (raw != null && !raw.isNull() && !raw.isObject()) {
            violations.add(new Violation("settings", "must be an object"));
        }
        given.fieldNames().forEachRemaining(name -> {
            if (!definitions.containsKey(name)) {
                violations.add(new Violation("settings." + name, "unknown setting; known: "
                        + (definitions.isEmpty() ? "(none)" : String.join(", ", definitions.keySet()))));
            }
        });
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        for (SettingDefinition definition : definitions.values()) {
            String path = "settings." + definition.name();
            JsonNode value = given.get(definition.name());
            if (value == null || value.isNull()) {
                if (definition.required()) violations.add(new Violation(path, "is required: " + definition.doc()));
                else if (definition.defaultValue() != null) values.set(definition.name(), definition.defaultValue());
                continue;
            }
            String problem = definition.type().problem(value);
            if (problem != null) {
                violations.add(new Violation(path, problem + ", got " + value));
                continue;
            }
            if (definition.validator() != null) definition.validator().validate(path, value, violations);
            values.set(definition.name(), value);
        }
        if (violations.isEmpty()) rules.forEach(rule -> rule.check(values, violations));
        if (!violations.isEmpty()) throw CatalogException.invalid("invalid_settings", "The integration's settings", violations);
        return new Settings(values, this);
    }

    JsonNode redacted(String name, JsonNode value, Set<String> secretParams) {
        SettingDefinition definition = definitions.get(name);
        return definition == null ? SecretUrls.redactStrings(value, secretParams) : definition.redacted(value, secretParams);
    }

    /** The query parameter names that settings {@code values} mark secret (see {@link SettingDefinition#secretParamLists()}). */
    Set<String> secretParams(JsonNode values) {
        Set<String> names = new java.util.HashSet<>();
        definitions.values().forEach(d -> { if (values.has(d.name())) d.collectSecretParams(values.get(d.name()), names); });
        return names;
    }

    /**
     * A rule over several settings (e.g. "a token, or an app id with its private key"), checked once
     * every setting parsed alone; it adds violations keyed {@code settings.<name>}.
     */
    @FunctionalInterface
    public interface Rule {
        void check(ObjectNode values, List<Violation> violations);
    }

    public static final class Builder {
        private final Map<String, SettingDefinition> definitions = new LinkedHashMap<>();
        private final List<Rule> rules = new ArrayList<>();

        public Builder rule(Rule rule) {
            rules.add(rule);
            return this;
        }

        public Builder required(String name, SettingType type, String doc) {
            return add(new SettingDefinition(name, type, true, null, false, doc, null));
        }

        public Builder optional(String name, SettingType type, Object defaultValue, String doc) {
            JsonNode value = defaultValue == null ? null : dev.portolan.catalog.json.Json.MAPPER.valueToTree(defaultValue);
            return add(new SettingDefinition(name, type, false, value, false, doc, null));
        }

        /** A secret string: never returned by the API, never logged. */
        public Builder secret(String name, boolean required, String doc) {
            return add(new SettingDefinition(name, SettingType.STRING, required, null, true, doc, null));
        }

        public Builder add(SettingDefinition definition) {
            if (definitions.putIfAbsent(definition.name(), definition) != null) {
                throw new IllegalArgumentException("Setting '" + definition.name() + "' is declared twice");
            }
            return this;
        }

        public SettingsDefinition build() {
            return new SettingsDefinition(new LinkedHashMap<>(definitions), List.copyOf(rules));
        }
    }
}
