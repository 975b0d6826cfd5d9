package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;
import dev.portolan.server.testing.Ids;
import dev.portolan.sync.mapping.MappingParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Looking back at resyncs over the API: the raw samples a resync kept, what each resync changed,
 * an entity's provenance, and the Sync Status followed live as server-sent events.
 */
class SyncHistoryApiTest {

    /** Installs {@code custom} on a local file of services (kind mapped twice) and returns the integration id. */
    private static String install(ApiServer server, Path file, String blueprint) {
        server.admin().post("/v1/blueprints", "{identifier: '" + blueprint + "', title: 'Svc', schema: {properties: "
                + "{stars: {type: 'number'}, url: {type: 'string', format: 'url'}}}}").expect(201);
        String id = Ids.unique("files");
        ObjectNode body = Json.object().put("installationId", id).put("installationAppType", "custom");
        body.putObject("settings").putObject("kinds").putObject("service").put("url", file.toUri().toString());
        body.set("config", MappingParser.readYaml("""
                entityDeletionThreshold: 1
                resources:
                  - kind: service
                    port: {entity: {mappings: {identifier: .name, title: .name, blueprint: '"%1$s"', properties: {stars: .stars}}}}
                  - kind: service
                    port: {entity: {mappings: {identifier: .name + "-copy", blueprint: '"%1$s"'}}}
                """.formatted(blueprint)));
        server.admin().post("/v1/integration", body).expect(201);
        return id;
    }

    /** A file of services in the server's data directory (where file: sources may be read). */
    private static Path services(ApiServer server, String... lines) {
        try {
            Path file = Files.createTempFile(server.dataDirectory(), "services", ".jsonl");
            Files.writeString(file, String.join("\n", lines));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the Sync Status stream to its end: the {@code status} events' reports, in order. */
    private static List<JsonNode> follow(ApiServer server, String id) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/integration/" + id + "/syncStatus/stream"))
                .header("Authorization", "Bearer " + server.admin().token()).header("Accept", "text/event-stream").build();
        List<JsonNode> reports = new ArrayList<>();
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String event = null;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("event:")) event = line.substring(6).trim();
                    if (line.startsWith("data:") && "status".equals(event)) reports.add(Json.parse(line.substring(5).trim()));
                    if ("end".equals(event) && line.isEmpty()) break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return reports;
    }

    private static String resyncAndFollow(ApiServer server, String id) {
        String resyncId = server.admin().post("/v1/integration/" + id + "/resync", "{}").expect(202).get("resyncId").asText();
        List<JsonNode> reports = follow(server, id);
        assertThat(reports.getLast().path("resyncId").asText()).isEqualTo(resyncId);
        assertThat(reports.getLast().path("state").asText()).isEqualTo("completed");
        return resyncId;
    }

    @ApiTest
    void theSyncStatusStreamEndsWithTheFinishedReportInMappingOrder(ApiServer server) {
        String id = install(server, services(server, "{\"name\": \"a\", \"stars\": 1}"), Ids.unique("svc"));

        List<JsonNode> reports = follow(server, id);

        JsonNode last = reports.getLast();
        assertThat(last.path("state").asText()).isEqualTo("completed");
        assertThat(last.path("kinds").findValuesAsText("kindIdentifier")).containsExactly("service-0", "service-1");
        assertThat(last.path("kinds").get(0).path("ingest").path("created").asInt()).isEqualTo(1);
    }

    @ApiTest
    void servesTheSamplesOfTheLatestResyncByKind(ApiServer server) {
        String id = install(server, services(server, "{\"name\": \"a\", \"stars\": 1}", "{\"name\": \"b\", \"stars\": 2}"), Ids.unique("svc"));
        String resyncId = resyncAndFollow(server, id);

        JsonNode body = server.admin().get("/v1/integration/" + id + "/samples?kind=service").expect(200).body();

        assertThat(body.path("resyncId").asText()).isEqualTo(resyncId);
        assertThat(body.path("samples").findValuesAsText("kindIdentifier")).containsExactly("service-0", "service-0", "service-1", "service-1");
        assertThat(body.path("samples").get(1).path("object")).isEqualTo(Json.parse("{\"name\": \"b\", \"stars\": 2}"));
        assertThat(body.path("samples").get(3).path("entities").get(0).path("identifier").asText()).isEqualTo("b-copy");
        assertThat(server.admin().get("/v1/integration/" + id + "/samples?kind=nothing").expect(200).get("samples").isEmpty()).isTrue();
        server.admin().get("/v1/integration/" + Ids.unique("missing") + "/samples").expectError(404, "not_found");
    }

    @ApiTest
    void listsWhatAResyncChangedWithItsChangedFields(ApiServer server) throws IOException {
        String blueprint = Ids.unique("svc");
        Path file = services(server, "{\"name\": \"a\", \"stars\": 1}", "{\"name\": \"b\", \"stars\": 2}");
        String id = install(server, file, blueprint);
        resyncAndFollow(server, id);
        Files.writeString(file, "{\"name\": \"a\", \"stars\": 9}");

        String second = resyncAndFollow(server, id);

        JsonNode changes = server.admin().get("/v1/integration/" + id + "/syncs/" + second + "/changes").expect(200).get("changes");
        assertThat(changes).extracting(c -> c.path("action").asText() + " " + c.path("context").path("entity").asText())
                .containsExactlyInAnyOrder("UPDATE a", "DELETE b", "DELETE b-copy");
        JsonNode update = server.admin().get("/v1/integration/" + id + "/syncs/" + second + "/changes?action=UPDATE")
                .expect(200).get("changes").get(0);
        assertThat(update.path("changedFields").get(0).asText()).isEqualTo("properties.stars");
        assertThat(update.path("diff").path("after").path("properties").path("stars").asInt()).isEqualTo(9);
        assertThat(update.path("resync").path("kind").asText()).isEqualTo("service");
        server.admin().get("/v1/integration/" + id + "/syncs/no-such-resync/changes").expectError(404, "not_found");
        server.admin().get("/v1/integration/" + id + "/syncs/" + second + "/changes?action=MAYBE").expectError(400, "invalid_request");
    }

    @ApiTest
    void anEntitysProvenanceNamesTheResyncResourceAndRawObject(ApiServer server) {
        String blueprint = Ids.unique("svc");
        String id = install(server, services(server, "{\"name\": \"a\", \"stars\": 1}"), blueprint);
        String installResync = follow(server, id).getLast().path("resyncId").asText();
        resyncAndFollow(server, id); // changes nothing: the entity was last written by the first resync
        server.admin().post("/v1/blueprints/" + blueprint + "/entities", "{identifier: 'by-hand'}").expect(201);

        JsonNode provenance = server.admin().get("/v1/blueprints/" + blueprint + "/entities/a-copy/provenance").expect(200).get("provenance");

        assertThat(provenance.path("integration").asText()).isEqualTo(id);
        assertThat(provenance.path("resyncId").asText()).isEqualTo(installResync);
        assertThat(provenance.path("kind").asText()).isEqualTo("service");
        assertThat(provenance.path("resourceIndex").asInt()).isEqualTo(1);
        assertThat(provenance.path("sample").path("object")).isEqualTo(Json.parse("{\"name\": \"a\", \"stars\": 1}"));
        assertThat(server.admin().get("/v1/blueprints/" + blueprint + "/entities/by-hand/provenance").expect(200).get("provenance").isNull())
                .isTrue();
    }

    @ApiTest
    void theMappingTestShowsTheBlueprintRuleAnEntityBreaks(ApiServer server) {
        String blueprint = Ids.unique("svc");
        String id = install(server, services(server, "{\"name\": \"a\", \"stars\": 1}"), blueprint);

        JsonNode preview = server.admin().post("/v1/integration/" + id + "/mapping/test",
                "{kind: 'service', input: [{name: 'x', stars: 'many'}]}").expect(200).get("preview");

        JsonNode rejected = preview.path("resources").get(0).path("objects").get(0).path("entities").get(0).path("rejected");
        assertThat(rejected.path("violations").get(0).path("path").asText()).isEqualTo("properties.stars");
        server.admin().get("/v1/blueprints/" + blueprint + "/entities/x").expectError(404, "not_found");
    }

    @ApiTest
    void theEventLogIsFilteredByLevelAndKindAndPagedNewestFirst(ApiServer server) {
        String id = install(server, services(server, "{\"name\": \"a\", \"stars\": 1}"), Ids.unique("svc"));
        follow(server, id);
        resyncAndFollow(server, id);
        String logs = "/v1/integration/" + id + "/logs";

        JsonNode ofKind = server.admin().get(logs + "?kind=service-1&level=INFO").expect(200).get("data").path("logs");
        JsonNode whole = server.admin().get(logs + "?kind=").expect(200).get("data").path("logs");
        JsonNode first = server.admin().get(logs + "?limit=2").expect(200).get("data").path("logs");
        JsonNode next = server.admin().get(logs + "?limit=2&before=" + first.get(1).path("seq").asLong()).expect(200).get("data").path("logs");

        assertThat(ofKind).hasSize(2).allSatisfy(line -> {
            assertThat(line.path("kind").asText()).isEqualTo("service-1");
            assertThat(line.path("level").asText()).isEqualTo("INFO");
        });
        assertThat(whole).isNotEmpty().allSatisfy(line -> assertThat(line.path("kind").isNull()).isTrue());
        assertThat(next.get(0).path("seq").asLong()).isLessThan(first.get(1).path("seq").asLong());
        server.admin().get(logs + "?level=LOUD").expectError(400, "invalid_request");
    }
}
