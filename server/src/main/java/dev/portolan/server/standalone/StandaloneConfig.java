package dev.portolan.server.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Identifiers;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.sync.host.IntegrationManager;
import dev.portolan.sync.mapping.MappingParser;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.spi.Integration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The config file of an integration run as its own process ({@code portolan integration run --config}):
 * <pre>{@code
 * identifier: internal-services     # optional; default: the type
 * title: Internal services          # optional; default: the identifier
 * scheduledResyncInterval: 60       # minutes between resyncs; 0 (default) = only at start
 * settings: {...}                   # the type's own settings
 * mapping: {...}                    # Port's mapping; the type's default when absent
 * }</pre>
 *
 * @param settings never null (empty when the file has none)
 * @param mapping  null when the file has none
 */
public record StandaloneConfig(String identifier, String title, int scheduledResyncInterval, ObjectNode settings, JsonNode mapping) {

    static final Set<String> KEYS = Set.of("identifier", "title", "scheduledResyncInterval", "settings", "mapping");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Reads a config file (YAML or JSON); every problem of its shape is reported at once. */
    public static StandaloneConfig read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw CatalogException.malformed("Cannot read the config file " + file + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString()));
        }
        if (root == null || root.isNull() || root.isMissingNode()) root = JsonNodeFactory.instance.objectNode();
        if (!(root instanceof ObjectNode object)) {
            throw CatalogException.invalid("invalid_config", "The config file", List.of(new Violation("", "must be a mapping of "
                    + String.join(", ", KEYS))));
        }
        return parse(object);
    }

    static StandaloneConfig parse(ObjectNode root) {
        List<Violation> violations = new ArrayList<>();
        root.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                violations.add(new Violation(key, "unknown key; a config file takes: identifier, title, scheduledResyncInterval, settings, mapping"));
            }
        });
        String identifier = text(root, "identifier", violations);
        String title = text(root, "title", violations);
        JsonNode interval = root.get("scheduledResyncInterval");
        if (interval != null && !interval.isNull() && !(interval.canConvertToExactIntegral() && interval.asLong() >= 0
                && interval.asLong() <= Integer.MAX_VALUE)) {
            violations.add(new Violation("scheduledResyncInterval", "must be 0 (no schedule) or a number of minutes, got " + interval));
        }
        JsonNode settings = root.get("settings");
        if (settings != null && !settings.isNull() && !settings.isObject()) violations.add(new Violation("settings", "must be a mapping"));
        JsonNode mapping = root.get("mapping");
        if (mapping != null && !mapping.isNull() && !mapping.isObject()) violations.add(new Violation("mapping", "must be a mapping with resources"));
        if (!violations.isEmpty()) throw CatalogException.invalid("invalid_config", "The config file", violations);
        return new StandaloneConfig(identifier, title, interval == null || interval.isNull() ? 0 : interval.asInt(),
                settings instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode(),
                mapping == null || mapping.isNull() ? null : mapping);
    }

    /**
     * Validates the settings and the mapping with the type's declaration and returns the installation
     * this process runs; every problem is reported at once, keyed {@code settings.<name>},
     * {@code mapping.resources[0]...}.
     *
     * @param identifierOverride from the command line, or null for the file's (or the type)
     */
    public Installation installation(Integration integration, String identifierOverride, Instant now) {
        String id = identifierOverride != null ? identifierOverride : identifier != null ? identifier : integration.type();
        List<Violation> violations = new ArrayList<>();
        if (!Identifiers.isSchemaIdentifier(id)) violations.add(new Violation("identifier", "'" + id + "': " + Identifiers.schemaIdentifierRule()));
        JsonNode config = mapping != null ? mapping : MappingParser.readYaml(integration.defaults().mappingYaml());
        Settings parsed = null;
        try {
            parsed = integration.settings().parse(settings);
        } catch (CatalogException e) {
            violations.addAll(e.violations());
        }
        if (parsed != null) {
            try {
                IntegrationManager.mappingParser(integration, parsed).parse(config);
            } catch (CatalogException e) {
                e.violations().forEach(v -> violations.add(new Violation(v.path().isEmpty() ? "mapping" : "mapping." + v.path(), v.message())));
            }
        }
        if (!violations.isEmpty()) throw CatalogException.invalid("invalid_config", "The config file", violations);
        return new Installation(id, integration.type(), title != null ? title : id, parsed.toJson(), (ObjectNode) config,
                scheduledResyncInterval, false, now, now);
    }

    private static String text(ObjectNode root, String key, List<Violation> violations) {
        JsonNode value = root.get(key);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) {
            violations.add(new Violation(key, "must be a string, got " + value));
            return null;
        }
        return value.asText();
    }
}
