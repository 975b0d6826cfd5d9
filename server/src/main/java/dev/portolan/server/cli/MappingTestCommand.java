package dev.portolan.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.files.FileFolders;
import dev.portolan.server.integrations.Integrations;
import dev.portolan.sync.host.IntegrationManager;
import dev.portolan.sync.jq.PortolanJqEngine;
import dev.portolan.sync.mapper.MappingPreview;
import dev.portolan.sync.mapping.Mapping;
import dev.portolan.sync.mapping.MappingParser;
import dev.portolan.sync.spi.Integration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code portolan mapping test}: shows what a mapping makes of sample objects, with every null
 * or failing leaf explained, without a server and without writing anything.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Map sample objects with a mapping and print the entities, with every null or failing expression explained.")
public final class MappingTestCommand implements Callable<Integer> {

    @Option(names = "--mapping", required = true, description = "the mapping (Port's YAML or JSON)")
    Path mapping;

    @Option(names = "--kind", required = true, description = "which kind the sample objects are")
    String kind;

    @Option(names = "--input", required = true, description = "sample objects: a JSON object, a JSON array, or JSON lines")
    Path input;

    @Option(names = "--type", description = "check the mapping against this integration type's kinds and selector fields")
    String type;

    @Option(names = "--settings", description = "the type's settings (YAML or JSON), when its kinds come from its settings")
    Path settings;

    /** Nothing is fetched here: settings are read only for the kinds they declare, wherever their files are. */
    private static final FileFolders ANY_FOLDER = FileFolders.of(List.of(Path.of("/").toAbsolutePath()));

    @Override
    public Integer call() {
        try {
            Mapping parsed = parser().parse(MappingParser.readYaml(read(mapping, "--mapping")));
            var preview = MappingPreview.preview(parsed, kind, objects(), PortolanJqEngine.INSTANCE, Duration.ofSeconds(2));
            System.out.println(preview.toPrettyString());
            return 0;
        } catch (CatalogException | IllegalArgumentException e) {
            System.err.println("portolan mapping test: " + e.getMessage());
            return 2;
        }
    }

    /** The file's text, or one line saying why it cannot be read. */
    private static String read(Path file, String option) {
        try {
            return Files.readString(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(option + " " + file + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException(option + " " + file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private MappingParser parser() {
        if (type == null) return MappingParser.withoutIntegration();
        Integration integration = Integrations.registry(Path.of("data"), ANY_FOLDER).get(type);
        JsonNode settingsJson = settings == null ? null : MappingParser.readYaml(read(settings, "--settings"));
        return IntegrationManager.mappingParser(integration, integration.settings().parse(settingsJson));
    }

    private List<JsonNode> objects() {
        String text = read(input, "--input").trim();
        List<JsonNode> objects = new ArrayList<>();
        if (text.startsWith("[")) {
            parse(text, "").forEach(objects::add);
        } else if (text.startsWith("{") && !text.contains("\n{")) {
            objects.add(parse(text, ""));
        } else {
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) if (!lines.get(i).isBlank()) objects.add(parse(lines.get(i), " (line " + (i + 1) + ")"));
        }
        return objects;
    }

    private JsonNode parse(String json, String where) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var at = e.getLocation();
            throw new IllegalArgumentException("--input " + input + where + " is not valid JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + "; give a JSON object, a JSON array or JSON lines");
        }
    }
}
