package dev.portolan.server.ocean;

import dev.portolan.catalog.json.Json;
import dev.portolan.server.testing.ApiClient;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing Ocean needs opens a hole: every endpoint needs a valid token, changes need an admin, and
 * what an integration reports (state, logs, metrics) is accepted only from its own credential.
 * What Portolan does not have answers a clear {@code 501 not_supported}, which Ocean tolerates.
 */
class OceanSecurityTest {

    @ApiTest
    void everyOceanEndpointNeedsAValidToken(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        OceanClient anonymous = new OceanClient(server.anonymous(), fake.ocean().type, fake.ocean().identifier);
        String ingest = server.admin().base() + "/v1/integration/" + fake.ocean().identifier;

        List.of(anonymous.getIntegration(), anonymous.createIntegration(fake.mapping(), false), anonymous.patchIntegration("9", null, false),
                anonymous.resyncStarted("2026-01-02T03:00:00Z"), anonymous.shipLogs(ingest + "/logs", "x"),
                anonymous.postSyncMetrics(ingest + "/metrics", List.of()), anonymous.searchOwned(), anonymous.datasourceEntities(null, null),
                anonymous.getOrganization(), anonymous.provisionEnabled(), anonymous.resyncRequest(), anonymous.cursor(),
                anonymous.getMigration("migration_x"), anonymous.kafkaCredentials(), anonymous.createAction(Json.object()),
                anonymous.postExamples("fake-person", Json.array()))
                .forEach(response -> response.expectError(401, "unauthorized"));
    }

    @ApiTest
    void registeringAndChangingAnIntegrationNeedsAnAdmin(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        ApiClient member = server.newCaller("member").client();
        OceanFixtures asMember = OceanFixtures.of(member, fake.ocean().type, fake.ocean().identifier + "-m");

        asMember.ocean().createIntegration(asMember.mapping(), false).expectError(403, "forbidden");
        new OceanClient(member, fake.ocean().type, fake.ocean().identifier).patchIntegration("9", null, false).expectError(403, "forbidden");
        member.patch("/v1/integration/" + fake.ocean().identifier + "/config", "{config: {resources: []}}").expectError(403, "forbidden");

        assertThat(fake.ocean().getIntegration().get("integration").path("version").asText()).isEqualTo(OceanClient.VERSION);
    }

    @ApiTest
    void onlyTheIntegrationsOwnCredentialReportsForIt(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        String ingest = fake.ocean().getIntegration().get("integration").path("logAttributes").path("ingestUrl").asText();
        fake.ocean().resyncStarted("2026-01-02T03:00:00Z").expect(200);
        OceanClient otherAdmin = new OceanClient(server.newCaller("admin").client(), fake.ocean().type, fake.ocean().identifier);
        OceanClient member = new OceanClient(server.newCaller("member").client(), fake.ocean().type, fake.ocean().identifier);

        for (OceanClient intruder : List.of(otherAdmin, member)) {
            intruder.shipLogs(ingest, "forged line").expectError(403, "forbidden");
            intruder.postSyncMetrics(ingest.replace("/logs", "/metrics"), List.of()).expectError(403, "forbidden");
            intruder.resyncEnded("failed", "2026-01-02T03:01:00Z").expectError(403, "forbidden");
        }

        String logs = server.admin().get("/v1/integration/" + fake.ocean().identifier + "/logs").expect(200).text();
        assertThat(logs).doesNotContain("forged line");
        assertThat(fake.ocean().getIntegration().get("integration").path("resyncState").path("status").asText()).isEqualTo("running");
    }

    @ApiTest
    void tooManyLogLinesInOneRequestAreRefusedAndNoneIsKept(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        String ingest = fake.ocean().getIntegration().get("integration").path("logAttributes").path("ingestUrl").asText();
        String[] lines = new String[1001];
        java.util.Arrays.fill(lines, "line");

        fake.ocean().shipLogs(ingest, lines).expectError(413, "payload_too_large");

        assertThat(server.admin().get("/v1/integration/" + fake.ocean().identifier + "/logs").get("data").path("logs").size()).isZero();
    }

    @ApiTest
    void aVeryLongLogLineIsCutNotRefused(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        String ingest = fake.ocean().getIntegration().get("integration").path("logAttributes").path("ingestUrl").asText();

        fake.ocean().shipLogs(ingest, "x".repeat(20_000)).expect(200);

        String message = server.admin().get("/v1/integration/" + fake.ocean().identifier + "/logs").get("data").path("logs")
                .path(0).path("message").asText();
        assertThat(message).hasSizeLessThan(9000).endsWith("(cut)");
    }

    @ApiTest
    void portFeaturesPortolanDoesNotHaveAnswerNotSupported(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        fake.createBlueprints();

        List.of(fake.ocean().createAction(Json.object().put("identifier", "deploy")),
                fake.ocean().createScorecard(fake.person(), Json.object().put("identifier", "ready")),
                fake.ocean().createPage(Json.object().put("identifier", "dashboard")),
                fake.ocean().kafkaCredentials(), fake.ocean().claimPendingRuns())
                .forEach(response -> assertThat(response.expectError(501, "not_supported").message()).contains("not supported")
                        .as(response.request()));
    }
}
