package dev.portolan.server.ocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.server.testing.ApiResponse;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an Ocean integration reports while it resyncs, and how it becomes its Sync Status, event
 * log and Prometheus metrics in Portolan: the resync state (0.12 and current), shipped logs, and
 * current Ocean's sync metrics.
 */
class OceanReportsTest {

    @ApiTest
    void theResyncStateOpensAndClosesAResyncOnTheSyncStatus(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);

        JsonNode running = fake.ocean().resyncStarted("2026-01-02T03:00:00.000000+00:00").expect(200).get("integration");
        String syncingState = syncStatus(server, fake).path("state").asText();
        fake.ocean().resyncEnded("completed", "2026-01-02T03:05:00.000000+00:00").expect(200);

        // ResyncStateUpdater keeps integration["resyncState"]["updatedAt"]; the polling listener compares it with updatedAt
        String stateUpdatedAt = running.path("resyncState").path("updatedAt").asText();
        assertThat(stateUpdatedAt).isNotBlank();
        assertThat(running.path("resyncState").path("status").asText()).isEqualTo("running");
        assertThat(syncingState).isEqualTo("syncing");
        JsonNode status = syncStatus(server, fake);
        assertThat(status.path("state").asText()).isEqualTo("completed");
        assertThat(status.path("startedAt").asText()).isEqualTo("2026-01-02T03:00:00Z");
        assertThat(status.path("finishedAt").asText()).isEqualTo("2026-01-02T03:05:00Z");
        JsonNode integration = fake.ocean().getIntegration().expect(200).get("integration");
        assertThat(integration.path("resyncState").path("status").asText()).isEqualTo("completed");
        assertThat(integration.path("updatedAt").asText()).isEqualTo(integration.path("resyncState").path("updatedAt").asText());
    }

    @ApiTest
    void aFailedResyncIsFailedOnTheSyncStatus(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        fake.ocean().resyncStarted("2026-01-02T03:00:00Z").expect(200);

        fake.ocean().resyncEnded("failed", "2026-01-02T03:01:00Z").expect(200);

        JsonNode status = syncStatus(server, fake);
        assertThat(status.path("state").asText()).isEqualTo("failed");
        assertThat(status.path("failure").asText()).contains("event log");
    }

    @ApiTest
    void aResyncThatEndsWithoutHavingStartedIsRecordedAndItsLogsGoThere(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        String ingestUrl = fake.ocean().getIntegration().get("integration").path("logAttributes").path("ingestUrl").asText();

        fake.ocean().resyncEnded("completed", "2026-01-02T03:05:00Z").expect(200);
        fake.ocean().shipLogs(ingestUrl, "late line").expect(200);

        JsonNode status = syncStatus(server, fake);
        assertThat(status.path("state").asText()).isEqualTo("completed");
        JsonNode logs = server.admin().get("/v1/integration/" + fake.ocean().identifier + "/logs?eventId=" + status.path("resyncId").asText())
                .expect(200).get("data").path("logs");
        assertThat(logs.path(0).path("message").asText()).isEqualTo("late line");
    }

    @ApiTest
    void anUnknownResyncStatusIsRefusedNamingTheAllowedOnes(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);

        ApiResponse refused = server.admin().patch("/v1/integration/" + fake.ocean().identifier + "/resync-state", "{status: 'sleeping'}")
                .expectError(422, "invalid_integration");

        assertThat(refused.message()).contains("running, completed, failed, aborted");
        assertThat(fake.ocean().getIntegration().get("integration").path("resyncState").isNull()).isTrue();
    }

    @ApiTest
    void logsShippedToTheIngestUrlLandInTheEventLogOfTheCurrentResync(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        String ingestUrl = fake.ocean().getIntegration().get("integration").path("logAttributes").path("ingestUrl").asText();
        fake.ocean().resyncStarted("2026-01-02T03:00:00Z").expect(200);
        String resyncId = syncStatus(server, fake).path("resyncId").asText();

        fake.ocean().shipLogs(ingestUrl, "Fetching fake-person resync results", "Upserting 5 entities").expect(200);

        JsonNode logs = server.admin().get("/v1/integration/" + fake.ocean().identifier + "/logs?eventId=" + resyncId)
                .expect(200).get("data").path("logs");
        List<String> messages = new ArrayList<>();
        logs.forEach(l -> messages.add(l.path("message").asText()));
        assertThat(messages).containsExactlyInAnyOrder("Fetching fake-person resync results", "Upserting 5 entities");
        assertThat(logs.path(0).path("kind").asText()).isEqualTo("fake-person");
        assertThat(logs.path(0).path("timestamp").asText()).isEqualTo("2026-01-02T03:04:05.123456Z");
    }

    @ApiTest
    void currentOceansSyncMetricsFillTheSyncStatusAndPrometheus(ApiServer server) throws Exception {
        OceanFixtures fake = OceanFixtures.registered(server);
        String ingestUrl = fake.ocean().getIntegration().get("integration").path("metricAttributes").path("ingestUrl").asText();
        fake.ocean().resyncStarted("2026-01-02T03:00:00Z").expect(200);

        fake.ocean().postSyncMetrics(ingestUrl, List.of(kindMetrics(fake, "fake-department-0", 5, 5, 0, 5, 0),
                kindMetrics(fake, "fake-person-1", 40, 38, 2, 37, 1))).expect(200);
        fake.ocean().putSyncMetrics(ingestUrl, reconciliation(fake, 12)).expect(200);
        fake.ocean().resyncEnded("completed", "2026-01-02T03:05:00Z").expect(200);

        JsonNode status = syncStatus(server, fake);
        JsonNode person = status.path("kinds").path(1);
        assertThat(person.path("kindIdentifier").asText()).isEqualTo("fake-person-1");
        assertThat(person.path("fetch").path("fetched").asLong()).isEqualTo(40);
        assertThat(person.path("map").path("transformed").asLong()).isEqualTo(38);
        assertThat(person.path("map").path("filteredOut").asLong()).isEqualTo(2);
        assertThat(person.path("ingest").path("ingested").asLong()).isEqualTo(37);
        assertThat(person.path("ingest").path("failed").asLong()).isEqualTo(1);
        assertThat(status.path("reconciliation").path("delete").path("deleted").asLong()).isEqualTo(12);
        JsonNode portMetrics = server.admin().get("/v1/integration/" + fake.ocean().identifier + "/syncMetrics").expect(200).get("data");
        assertThat(portMetrics.path(1).at("/metrics/phase/load/object_count_type/loaded/object_count").asLong()).isEqualTo(37);
        String prometheus = scrape(server);
        assertThat(prometheus).contains("object_count{integration=\"" + fake.ocean().identifier
                + "\",kind=\"fake-person-1\",object_count_type=\"raw_extracted\",phase=\"extract\"} 40.0");
        assertThat(prometheus).contains("object_count{integration=\"" + fake.ocean().identifier
                + "\",kind=\"__reconciliation__\",object_count_type=\"deleted\",phase=\"delete\"} 12.0");
    }

    @ApiTest
    void metricsWithoutARunningResyncAreRefused(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        String ingestUrl = fake.ocean().getIntegration().get("integration").path("metricAttributes").path("ingestUrl").asText();

        fake.ocean().postSyncMetrics(ingestUrl, List.of(kindMetrics(fake, "fake-person-1", 1, 1, 0, 1, 0)))
                .expectError(409, "no_resync");
    }

    @ApiTest
    void aResyncAskedForInPortolanIsWhatAPollingOceanSees(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        fake.ocean().resyncStarted("2026-01-02T03:00:00Z").expect(200);
        fake.ocean().resyncEnded("completed", "2026-01-02T03:05:00Z").expect(200);
        JsonNode before = fake.ocean().getIntegration().get("integration");
        assertThat(fake.ocean().resyncRequest().expect(200).get("request").isNull()).isTrue();

        String requestedAt = server.admin().post("/v1/integration/" + fake.ocean().identifier + "/resync", "{}").expect(202)
                .get("requestedAt").asText();

        JsonNode after = fake.ocean().getIntegration().get("integration");
        // PollingEventListener resyncs when updatedAt differs from the resyncState.updatedAt it last saw
        assertThat(after.path("updatedAt").asText()).isNotEqualTo(before.path("resyncState").path("updatedAt").asText());
        JsonNode request = fake.ocean().resyncRequest().expect(200).get("request");
        assertThat(request.path("id").asText()).isNotBlank();
        assertThat(request.path("createdAt").asText()).isEqualTo(after.path("updatedAt").asText()).isEqualTo(requestedAt);
        assertThat(fake.ocean().cursor().expect(200).get("cursor").isNull()).isTrue();
    }

    private static JsonNode syncStatus(ApiServer server, OceanFixtures fake) {
        return server.admin().get("/v1/integration/" + fake.ocean().identifier + "/syncStatus").expect(200).get("syncStatus");
    }

    /** One entry of {@code Metrics.generate_metrics}, as current Ocean posts it. */
    static JsonNode kindMetrics(OceanFixtures fake, String kindIdentifier, long extracted, long transformed, long filteredOut,
                                long loaded, long loadFailed) {
        ObjectNode entry = entry(fake, kindIdentifier);
        ObjectNode phase = entry.putObject("metrics").putObject("phase");
        phase.putObject("resync").put("duration_seconds", 1.5).put("success", 1.0);
        counts(phase, "extract", "raw_extracted", extracted);
        counts(phase, "transform", "transformed", transformed, "filtered_out", filteredOut, "failed", 0);
        counts(phase, "load", "loaded", loaded, "failed", loadFailed, "skipped", 0);
        return entry;
    }

    static JsonNode reconciliation(OceanFixtures fake, long deleted) {
        ObjectNode entry = entry(fake, "__reconciliation__");
        ObjectNode phase = entry.putObject("metrics").putObject("phase");
        counts(phase, "delete", "deleted", deleted);
        return entry;
    }

    private static ObjectNode entry(OceanFixtures fake, String kindIdentifier) {
        ObjectNode entry = Json.object();
        entry.put("integrationType", fake.ocean().type);
        entry.put("integrationIdentifier", fake.ocean().identifier);
        entry.put("integrationVersion", OceanClient.VERSION);
        entry.put("oceanVersion", "0.48.0");
        entry.put("kindIdentifier", kindIdentifier);
        int dash = kindIdentifier.lastIndexOf('-');
        entry.put("kind", kindIdentifier.startsWith("__") ? kindIdentifier : kindIdentifier.substring(0, dash));
        entry.put("kindIndex", kindIdentifier.startsWith("__") ? 0 : Integer.parseInt(kindIdentifier.substring(dash + 1)));
        entry.put("eventId", "ocean-event-1");
        entry.put("syncState", "syncing");
        return entry;
    }

    private static void counts(ObjectNode phase, String name, Object... typeAndCount) {
        ObjectNode types = phase.putObject(name).putObject("object_count_type");
        for (int i = 0; i < typeAndCount.length; i += 2) {
            types.putObject((String) typeAndCount[i]).put("object_count", ((Number) typeAndCount[i + 1]).doubleValue());
        }
    }

    private static String scrape(ApiServer server) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
