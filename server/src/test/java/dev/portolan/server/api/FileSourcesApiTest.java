package dev.portolan.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;
import dev.portolan.server.testing.Ids;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the server lets {@code file:} sources read: its data directory and the folders named at start. */
class FileSourcesApiTest {

    @ApiTest
    void refusesAFileSourceOutsideTheAllowedFoldersAndAcceptsOneInAFolderNamedAtStart(ApiServer shared) throws Exception {
        Path folder = Files.createTempDirectory("portolan-files-");
        Path file = Files.writeString(folder.resolve("rows.jsonl"), "{\"id\": \"a\"}\n");
        try {
            server(shared, List.of(), refused -> refused.admin().post("/v1/integration", install(file))
                    .expectError(422, "invalid_settings").detailPaths().contains("settings.kinds.row.url"));
            server(shared, List.of(), refused -> assertThat(refused.admin().post("/v1/integration", install(Path.of("/etc/passwd")))
                    .expect(422).text()).doesNotContain("root:"));
            server(shared, List.of(folder), allowed -> allowed.admin().post("/v1/integration", install(file)).expect(201));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        }
    }

    private static void server(ApiServer shared, List<Path> folders, java.util.function.Consumer<ApiServer> test) {
        try (ApiServer server = ApiServer.start(shared.dialect(), settings -> settings.withFileFolders(folders))) {
            test.accept(server);
        }
    }

    private static ObjectNode install(Path file) {
        return (ObjectNode) Json.parse("""
                {"installationId": "%s", "installationAppType": "custom",
                 "settings": {"kinds": {"row": {"url": "%s"}}},
                 "config": {"resources": [{"kind": "row", "selector": {"query": "true"},
                   "port": {"entity": {"mappings": {"identifier": ".id", "blueprint": "\\"nothing\\""}}}}]}}"""
                .formatted(Ids.unique("files"), file.toUri()));
    }
}
