package dev.portolan.server.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.integration.SyncRecord;
import dev.portolan.catalog.json.Json;
import dev.portolan.server.cli.IntegrationRunCommand;
import dev.portolan.server.cli.Main;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;
import dev.portolan.server.testing.Ids;
import dev.portolan.sync.client.CatalogApi;
import dev.portolan.sync.host.HttpInstallationRepository;
import dev.portolan.sync.host.IntegrationRegistry;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An integration run as its own process ({@link StandaloneIntegration}, {@code portolan integration run})
 * against a real Portolan server over HTTP: what it writes, reports and serves.
 */
class StandaloneIntegrationTest {

    private static final String ITEMS = "[{\"id\": \"a\", \"name\": \"A\", \"size\": 1}, {\"id\": \"b\", \"name\": \"B\", \"size\": 2},"
            + " {\"id\": \"c\", \"name\": \"C\", \"size\": 3}]";

    @TempDir
    Path dir;

    /** One standalone integration of type file-source with its own identifier, blueprint and source file. */
    private final class Fixture implements AutoCloseable {
        final String id = Ids.unique("standalone");
        final String blueprint = Ids.unique("item");
        final FileSourceIntegration integration = new FileSourceIntegration(blueprint);
        final Path source = dir.resolve(id + ".json");
        final Path config = dir.resolve(id + ".yaml");
        final ApiServer server;
        StandaloneIntegration standalone;

        Fixture(ApiServer server) {
            this.server = server;
            write(source, ITEMS);
            write(config, "identifier: " + id + "\ntitle: Items from a file\nsettings:\n  file: '" + source + "'\n");
        }

        StandaloneIntegration start() {
            Installation installation = StandaloneConfig.read(config).installation(integration, null, Clock.systemUTC().instant());
            standalone = StandaloneIntegration.start(installation, integration, api(server), 0, Clock.systemUTC());
            return standalone;
        }

        SyncReport resync() {
            try {
                return standalone.resync("test").done().get(2, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new IllegalStateException("the resync did not finish", e);
            }
        }

        List<String> owned() {
            JsonNode found = server.admin().post("/v1/entities/search", Json.object().set("query", Json.parse(
                    "{\"combinator\": \"and\", \"rules\": [{\"property\": \"$datasource\", \"operator\": \"=\", \"value\": \"" + id + "\"}]}")))
                    .expect(200).get("entities");
            List<String> identifiers = new ArrayList<>();
            found.forEach(e -> identifiers.add(e.path("blueprint").asText() + "/" + e.path("identifier").asText()));
            return identifiers;
        }

        String[] command(String... extra) {
            List<String> args = new ArrayList<>(List.of("--type", FileSourceIntegration.TYPE, "--config", config.toString(),
                    "--catalog-url", "http://127.0.0.1:" + server.port(), "--client-id", ApiServer.ADMIN_CLIENT_ID,
                    "--client-secret", ApiServer.ADMIN_CLIENT_SECRET, "--port", "0"));
            args.addAll(List.of(extra));
            return args.toArray(String[]::new);
        }

        @Override
        public void close() {
            if (standalone != null) standalone.close();
        }
    }

    private static CatalogApi api(ApiServer server) {
        return new CatalogApi(URI.create("http://127.0.0.1:" + server.port()), ApiServer.ADMIN_CLIENT_ID, ApiServer.ADMIN_CLIENT_SECRET);
    }

    @ApiTest
    void registersAsARemoteIntegrationAndCreatesItsDefaultBlueprints(ApiServer server) {
        try (Fixture f = new Fixture(server)) {
            f.start();

            JsonNode integration = server.admin().get("/v1/integration/" + f.id).expect(200).get("integration");
            assertThat(integration.path("remote").asBoolean()).isTrue();
            assertThat(integration.path("installationAppType").asText()).isEqualTo(FileSourceIntegration.TYPE);
            assertThat(integration.path("title").asText()).isEqualTo("Items from a file");
            assertThat(integration.path("config").path("resources").get(0).path("kind").asText()).isEqualTo("item");
            JsonNode blueprint = server.admin().get("/v1/blueprints/" + f.blueprint).expect(200).get("blueprint");
            assertThat(blueprint.path("relations").has("parent")).isTrue();
        }
    }

    @ApiTest
    void writesEntitiesOwnedByTheIntegrationOverHttp(ApiServer server) {
        try (Fixture f = new Fixture(server)) {
            f.start();

            SyncReport report = f.resync();

            assertThat(report.state()).isEqualTo(SyncState.COMPLETED);
            assertThat(f.owned()).containsExactlyInAnyOrder(f.blueprint + "/a", f.blueprint + "/b", f.blueprint + "/c");
            JsonNode b = server.admin().get("/v1/blueprints/" + f.blueprint + "/entities/b").expect(200).get("entity");
            assertThat(b.path("title").asText()).isEqualTo("B");
            assertThat(b.path("properties").path("size").asInt()).isEqualTo(2);
        }
    }

    @ApiTest
    void aSecondResyncOfAnUnchangedSourceWritesNothing(ApiServer server) {
        try (Fixture f = new Fixture(server)) {
            f.start();
            f.resync();
            String updatedAt = server.admin().get("/v1/blueprints/" + f.blueprint + "/entities/a").expect(200).get("entity")
                    .path("updatedAt").asText();

            SyncReport second = f.resync();

            JsonNode kind = second.toJson().path("kinds").get(0);
            assertThat(second.state()).isEqualTo(SyncState.COMPLETED);
            assertThat(kind.path("ingest").path("ingested").asInt()).isZero();
            assertThat(kind.path("ingest").path("notChanged").asInt()).isEqualTo(3);
            assertThat(server.admin().get("/v1/blueprints/" + f.blueprint + "/entities/a").expect(200).get("entity")
                    .path("updatedAt").asText()).isEqualTo(updatedAt);
        }
    }

    @ApiTest
    void deletesWhatTheSourceNoLongerHas(ApiServer server) {
        try (Fixture f = new Fixture(server)) {
            f.start();
            f.resync();
            write(f.source, "[{\"id\": \"a\", \"name\": \"A\", \"size\": 1}, {\"id\": \"c\", \"name\": \"C\", \"size\": 3}]");

            SyncReport second = f.resync();

            assertThat(second.reconciliation().deletedCount()).isEqualTo(1);
            assertThat(f.owned()).containsExactlyInAnyOrder(f.blueprint + "/a", f.blueprint + "/c");
            server.admin().get("/v1/blueprints/" + f.blueprint + "/entities/b").expect(404);
        }
    }

    @ApiTest
    void theServerShowsTheRemoteReportAndEventLog(ApiServer server) {
        try (Fixture f = new Fixture(server)) {
            f.start();
            SyncReport report = f.resync();

            JsonNode status = server.admin().get("/v1/integration/" + f.id + "/syncStatus").expect(200).get("syncStatus");
            assertThat(status.path("resyncId").asText()).isEqualTo(report.resyncId());
            assertThat(status.path("state").asText()).isEqualTo("completed");
            assertThat(status.path("kinds").get(0).path("fetch").path("fetched").asInt()).isEqualTo(3);

            JsonNode metrics = server.admin().get("/v1/integration/" + f.id + "/syncMetrics").expect(200).get("data");
            JsonNode item = metrics.get(0);
            assertThat(item.path("kindIdentifier").asText()).isEqualTo("item-0");
            assertThat(item.path("integrationType").asText()).isEqualTo(FileSourceIntegration.TYPE);
            assertThat(item.path("syncState").asText()).isEqualTo("completed");
            assertThat(item.at("/metrics/phase/extract/object_count_type/raw_extracted/object_count").asInt()).isEqualTo(3);
            assertThat(item.at("/metrics/phase/load/object_count_type/loaded/object_count").asInt()).isEqualTo(3);

            JsonNode logs = server.admin().get("/v1/integration/" + f.id + "/logs?resyncId=" + report.resyncId()).expect(200)
                    .get("data").path("logs");
            List<String> messages = new ArrayList<>();
            logs.forEach(line -> messages.add(line.path("message").asText()));
            assertThat(messages).anyMatch(m -> m.contains("fetched 3"));
        }
    }

    @ApiTest
    void readsItsReportsAndEventLogBackFromTheServer(ApiServer server) {
        try (Fixture f = new Fixture(server)) {
            StandaloneIntegration standalone = f.start();
            SyncReport first = f.resync();
            SyncReport second = f.resync();
            HttpInstallationRepository repository = new HttpInstallationRepository(api(server), standalone.installation());

            assertThat(repository.reports(f.id, 10)).extracting(SyncRecord::resyncId).containsExactly(second.resyncId(), first.resyncId());
            SyncRecord record = repository.report(f.id, first.resyncId()).orElseThrow();
            assertThat(record.state()).isEqualTo("completed");
            assertThat(record.finishedAt()).isEqualTo(first.finishedAt());
            assertThat(repository.report(f.id, "no-such-resync")).isEmpty();
            assertThat(repository.events(f.id, second.resyncId(), 100)).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.resyncId()).isEqualTo(second.resyncId()));
        }
    }

    @ApiTest
    void servesItsOwnPrometheusMetricsAndHealth(ApiServer server) {
        try (Fixture f = new Fixture(server)) {
            StandaloneIntegration standalone = f.start();
            f.resync();

            String metrics = httpGet(standalone.port(), "/metrics");
            assertThat(metrics.lines().filter(l -> l.startsWith("object_count{")))
                    .anyMatch(l -> l.contains("integration=\"" + f.id + "\"") && l.contains("kind=\"item-0\"")
                            && l.contains("object_count_type=\"raw_extracted\"") && l.endsWith(" 3.0"));
            assertThat(metrics).contains("duration_seconds{").contains("success{").contains("jvm_memory_used_bytes");
            JsonNode health = Json.parse(httpGet(standalone.port(), "/health"));
            assertThat(health.path("ok").asBoolean()).isTrue();
            assertThat(health.path("integration").asText()).isEqualTo(f.id);
            assertThat(health.path("resync").path("state").asText()).isEqualTo("completed");
        }
    }

    @ApiTest
    void theCommandRunsOneResyncAndExitsZeroWhenItCompleted(ApiServer server) {
        try (Fixture f = new Fixture(server)) {
            StringWriter out = new StringWriter();
            int exit = command(f.integration, out, new StringWriter()).execute(f.command("--once"));

            assertThat(exit).as(out.toString()).isZero();
            assertThat(out.toString()).contains("Resync ").contains(" completed");
            assertThat(f.owned()).hasSize(3);
        }
    }

    @ApiTest
    void theCommandSaysWhatToFixWhenTheCredentialIsRefused(ApiServer server) {
        try (Fixture f = new Fixture(server)) {
            StringWriter err = new StringWriter();
            String[] args = f.command("--once");
            args[9] = "wrong-secret";

            int exit = command(f.integration, new StringWriter(), err).execute(args);

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).contains("--client-secret");
        }
    }

    @Test
    void theCommandIsPortolanIntegrationRun() {
        StringWriter out = new StringWriter();
        CommandLine portolan = new CommandLine(new Main());
        portolan.setOut(new PrintWriter(out, true));

        int exit = portolan.execute("integration", "run", "--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--catalog-url").contains("PORTOLAN_CLIENT_SECRET").contains("--once");
    }

    @Test
    void theCommandRefusesAMappingThatDoesNotValidateListingEveryProblem() {
        Path config = dir.resolve("bad-mapping.yaml");
        write(config, """
                settings:
                  file: items.json
                mapping:
                  resources:
                    - kind: nope
                      port: {entity: {mappings: {identifier: .id, blueprint: '"x"'}}}
                    - kind: item
                      port: {entity: {mappings: {identifier: '.id | [', blueprint: '"x"'}}}
                """);
        StringWriter err = new StringWriter();

        int exit = command(new FileSourceIntegration("x"), new StringWriter(), err).execute("--type", FileSourceIntegration.TYPE,
                "--config", config.toString(), "--catalog-url", "http://127.0.0.1:1", "--client-id", "c", "--client-secret", "s");

        assertThat(exit).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).contains("mapping.resources[0].kind: unknown kind 'nope'; this integration knows: item")
                .contains("mapping.resources[1].port.entity.mappings.identifier");
    }

    @Test
    void theCommandRefusesAConfigWithoutTheTypesRequiredSettings() {
        Path config = dir.resolve("no-settings.yaml");
        write(config, "title: Items\ncolour: blue\n");
        StringWriter err = new StringWriter();

        int exit = command(new FileSourceIntegration("x"), new StringWriter(), err).execute("--type", FileSourceIntegration.TYPE,
                "--config", config.toString(), "--catalog-url", "http://127.0.0.1:1", "--client-id", "c", "--client-secret", "s");

        assertThat(exit).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).contains("colour: unknown key");
        write(config, "title: Items\n");
        err.getBuffer().setLength(0);
        assertThat(command(new FileSourceIntegration("x"), new StringWriter(), err).execute("--type", FileSourceIntegration.TYPE,
                "--config", config.toString(), "--catalog-url", "http://127.0.0.1:1", "--client-id", "c", "--client-secret", "s"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("settings.file: is required");
    }

    private static CommandLine command(FileSourceIntegration integration, StringWriter out, StringWriter err) {
        CommandLine command = new CommandLine(new IntegrationRunCommand(new IntegrationRegistry().register(integration)));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command;
    }

    private static String httpGet(int port, String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
