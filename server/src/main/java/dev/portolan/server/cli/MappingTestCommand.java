package dev.portolan.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.json.Json;
import dev.portolan.integrations.custom.FileFolders;
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

    @Override
    public Integer call() throws IOException {
        try {
            Mapping parsed = parser().parse(MappingParser.readYaml(Files.readString(mapping)));
            var preview = MappingPreview.preview(parsed, kind, objects(), PortolanJqEngine.INSTANCE, Duration.ofSeconds(2));
            System.out.println(preview.toPrettyString());
            return 0;
        } catch (CatalogException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    private MappingParser parser() throws IOException {
        if (type == null) return MappingParser.withoutIntegration();
        Integration integration = Integrations.registry(FileFolders.of(java.util.List.of())).get(type);
        JsonNode settingsJson = settings == null ? null : MappingParser.readYaml(Files.readString(settings));
        return IntegrationManager.mappingParser(integration, integration.settings().parse(settingsJson));
    }

    private List<JsonNode> objects() throws IOException {
        String text = Files.readString(input).trim();
        List<JsonNode> objects = new ArrayList<>();
        if (text.startsWith("[")) {
            Json.parse(text).forEach(objects::add);
        } else if (text.startsWith("{") && !text.contains("\n{")) {
            objects.add(Json.parse(text));
        } else {
            text.lines().filter(l -> !l.isBlank()).forEach(l -> objects.add(Json.parse(l)));
        }
        return objects;
    }
}
