package dev.portolan.server.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.settings.SettingType;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.settings.SettingsDefinition;
import dev.portolan.sync.spi.FetchContext;
import dev.portolan.sync.spi.FetchException;
import dev.portolan.sync.spi.Fetcher;
import dev.portolan.sync.spi.Integration;
import dev.portolan.sync.spi.IntegrationDefaults;
import dev.portolan.sync.spi.Page;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A tiny integration for standalone tests (type {@value #TYPE}): kind {@code item} reads the JSON
 * array in the file named by setting {@code file}, two objects a page, so the test changes the
 * source by rewriting the file. Its default blueprint and mapping use the blueprint identifier
 * given, so that tests sharing a server do not share blueprints.
 */
final class FileSourceIntegration implements Integration {

    static final String TYPE = "file-source";

    private final String blueprint;

    FileSourceIntegration(String blueprint) {
        this.blueprint = blueprint;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Items from a JSON file (tests)";
    }

    @Override
    public SettingsDefinition settings() {
        return SettingsDefinition.builder().required("file", SettingType.STRING, "Path of a JSON array of items").build();
    }

    @Override
    public Set<String> kinds(Settings settings) {
        return Set.of("item");
    }

    @Override
    public IntegrationDefaults defaults() {
        String blueprints = """
                [{"identifier": "%s", "title": "Item", "schema": {"properties": {"size": {"type": "number"}}},
                  "relations": {"parent": {"target": "%s", "required": false, "many": false}}}]
                """.formatted(blueprint, blueprint);
        String mapping = """
                resources:
                  - kind: item
                    port:
                      entity:
                        mappings:
                          identifier: .id
                          title: .name
                          blueprint: '"%s"'
                          properties:
                            size: .size
                """.formatted(blueprint);
        return new IntegrationDefaults(blueprints, mapping);
    }

    @Override
    public Fetcher fetcher(String kind, FetchContext context) {
        Path file = Path.of(context.settings().string("file"));
        return cursor -> {
            List<JsonNode> items = read(file);
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            int to = Math.min(items.size(), from + 2);
            return new Page(new ArrayList<>(items.subList(from, to)), to < items.size() ? Integer.toString(to) : null);
        };
    }

    private static List<JsonNode> read(Path file) throws FetchException {
        try {
            List<JsonNode> items = new ArrayList<>();
            Json.MAPPER.readTree(Files.readString(file)).forEach(items::add);
            return items;
        } catch (IOException e) {
            throw new FetchException("cannot read " + file + ": " + e.getMessage(), false, e);
        }
    }
}
