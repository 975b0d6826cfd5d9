package dev.portolan.server.ocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.portolan.catalog.integration.SyncSample;
import dev.portolan.catalog.json.Json;
import dev.portolan.server.testing.ApiClient;
import dev.portolan.server.testing.ApiResponse;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ocean's raw-data examples ({@code ingest_integration_kind_examples}, sent while it maps each
 * resource): kept as the samples of the resync that fetched them, where a hosted resync keeps its
 * own, so {@code GET .../samples} and the mapping test use them alike. Bounded, and refused with a
 * clear error when they cannot be kept.
 */
class OceanExamplesTest {

    /** Raw persons as the fake integration fetches them. */
    private static ArrayNode persons(int from, int count) {
        ArrayNode examples = Json.array();
        for (int i = from; i < from + count; i++) {
            examples.addObject().put("id", "p-" + i).put("name", "Person " + i).put("email", "p" + i + "@example.com")
                    .put("status", "WORKING").put("age", 30 + i).putObject("department").put("id", "hr").put("name", "HR");
        }
        return examples;
    }

    private static JsonNode samples(ApiServer server, OceanFixtures fake, String query) {
        return server.admin().get("/v1/integration/" + fake.ocean().identifier + "/samples" + query).expect(200).body();
    }

    private static String currentResync(ApiServer server, OceanFixtures fake) {
        return server.admin().get("/v1/integration/" + fake.ocean().identifier + "/syncStatus").expect(200)
                .get("syncStatus").path("resyncId").asText();
    }

    @ApiTest
    void examplesPostedDuringAResyncAreTheKindsSamplesOfThatResync(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        fake.ocean().resyncStarted("2026-01-02T03:00:00Z").expect(200);

        // Ocean reads nothing from the answer but its status (handle_status_code)
        fake.ocean().postExamples("fake-person", persons(0, 3)).expect(200);

        JsonNode answer = samples(server, fake, "?kind=fake-person");
        assertThat(answer.path("resyncId").asText()).isEqualTo(currentResync(server, fake));
        JsonNode kept = answer.path("samples");
        assertThat(kept.size()).isEqualTo(3);
        assertThat(kept.path(0).path("object")).isEqualTo(persons(0, 1).get(0));
        assertThat(kept.path(2).path("position").asInt()).isEqualTo(2);
        assertThat(kept.path(0).path("kindIdentifier").asText()).isEqualTo("fake-person-1");
        // mapped with the resource's mapping, as a hosted resync's samples are
        assertThat(kept.path(1).path("entities").path(0).path("blueprint").asText()).isEqualTo(fake.person());
        assertThat(kept.path(1).path("entities").path(0).path("identifier").asText()).isEqualTo("p-1");
        assertThat(samples(server, fake, "?kind=fake-department").path("samples").size()).isZero();
    }

    @ApiTest
    void anEntityOceanWroteHasItsIntegrationAndTheExampleItCameFromAsProvenance(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        fake.createBlueprints();
        fake.ocean().resyncStarted("2026-01-02T03:00:00Z").expect(200);
        fake.ocean().upsertEntity(fake.person(), fake.personEntity("p-0", "hr")).expect(201);
        fake.ocean().postExamples("fake-person", persons(0, 1)).expect(200);

        JsonNode provenance = server.admin().get("/v1/blueprints/" + fake.person() + "/entities/p-0/provenance").expect(200)
                .get("provenance");

        assertThat(provenance.path("integration").asText()).isEqualTo(fake.ocean().identifier);
        assertThat(provenance.path("writtenAt").asText()).isNotBlank();
        assertThat(provenance.path("sample").path("object")).isEqualTo(persons(0, 1).get(0));
    }

    @ApiTest
    void theMappingTestRunsOnTheKeptExamples(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        fake.createBlueprints();
        fake.ocean().resyncStarted("2026-01-02T03:00:00Z").expect(200);
        fake.ocean().postExamples("fake-person", persons(0, 2)).expect(200);
        List<JsonNode> objects = new ArrayList<>();
        samples(server, fake, "?kind=fake-person").path("samples").forEach(s -> objects.add(s.path("object")));

        JsonNode preview = server.admin().post("/v1/integration/" + fake.ocean().identifier + "/mapping/test",
                Json.object().put("kind", "fake-person").set("input", Json.array().addAll(objects))).expect(200).get("preview");

        JsonNode produced = preview.path("resources").path(0).path("objects").path(1).path("entities").path(0);
        assertThat(produced.path("entity").path("identifier").asText()).isEqualTo("p-1");
        assertThat(produced.path("entity").path("relations").path("department").asText()).isEqualTo("hr");
    }

    @ApiTest
    void aKindKeepsTheFirstTenExamplesOfAResyncAndTheNextResyncStartsAfresh(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        fake.ocean().resyncStarted("2026-01-02T03:00:00Z").expect(200);

        assertThat(fake.ocean().postExamples("fake-person", persons(0, 4)).expect(200).get("kept").asInt()).isEqualTo(4);
        assertThat(fake.ocean().postExamples("fake-person", persons(4, 8)).expect(200).get("kept").asInt()).isEqualTo(6);
        assertThat(fake.ocean().postExamples("fake-person", persons(12, 1)).expect(200).get("kept").asInt()).isZero();

        JsonNode kept = samples(server, fake, "?kind=fake-person").path("samples");
        assertThat(kept.size()).isEqualTo(10);
        assertThat(kept.path(9).path("object").path("id").asText()).isEqualTo("p-9");
        fake.ocean().resyncEnded("completed", "2026-01-02T03:05:00Z").expect(200);
        fake.ocean().resyncStarted("2026-01-02T04:00:00Z").expect(200);
        fake.ocean().postExamples("fake-person", persons(20, 2)).expect(200);
        JsonNode latest = samples(server, fake, "?kind=fake-person");
        assertThat(latest.path("resyncId").asText()).isEqualTo(currentResync(server, fake));
        assertThat(latest.path("samples").size()).isEqualTo(2);
        assertThat(latest.path("samples").path(0).path("object").path("id").asText()).isEqualTo("p-20");
    }

    @ApiTest
    void anExampleOverTheSizeLimitIsNotedNotKept(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        fake.ocean().resyncStarted("2026-01-02T03:00:00Z").expect(200);
        ArrayNode examples = persons(0, 1);
        examples.addObject().put("id", "huge").put("bio", "x".repeat(SyncSample.MAX_OBJECT_CHARS));

        fake.ocean().postExamples("fake-person", examples).expect(200);

        JsonNode kept = samples(server, fake, "?kind=fake-person").path("samples");
        assertThat(kept.path(0).path("object").path("id").asText()).isEqualTo("p-0");
        assertThat(kept.path(1).path("object").isNull()).isTrue();
        assertThat(kept.path(1).path("omitted").asText()).contains("over the sample limit of " + SyncSample.MAX_OBJECT_CHARS);
    }

    @ApiTest
    void examplesOfAnUnknownIntegrationAre404(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        OceanClient unknown = new OceanClient(server.admin(), fake.ocean().type, fake.ocean().identifier + "-never-registered");

        ApiResponse refused = unknown.postExamples("fake-person", persons(0, 1)).expectError(404, "not_found");

        assertThat(refused.message()).contains("Integration").contains(fake.ocean().identifier + "-never-registered");
    }

    @ApiTest
    void malformedExamplesAreRefusedNamingWhatIsWrongAndNothingIsKept(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        fake.ocean().resyncStarted("2026-01-02T03:00:00Z").expect(200);
        String path = "/v1/integration/" + fake.ocean().identifier + "/kinds/fake-person/examples";
        ApiClient ocean = server.admin();

        assertThat(ocean.post(path, "{items: []}").expectError(400, "invalid_request").message()).contains("\"examples\"");
        assertThat(ocean.post(path, "{examples: {id: 'p-1'}}").expectError(400, "invalid_request").message()).contains("\"examples\"");
        ApiResponse notObjects = ocean.post(path, "{examples: [{id: 'p-1'}, 'p-2', 3]}").expectError(422, "invalid_examples");
        assertThat(notObjects.message()).contains("examples[1]: must be an object (a raw item), got string").contains("examples[2]").contains("got number");
        ApiResponse unknownKind = fake.ocean().postExamples("fake-robot", persons(0, 1)).expectError(422, "invalid_examples");
        assertThat(unknownKind.message()).contains("'fake-robot'").contains("fake-department, fake-person");

        assertThat(samples(server, fake, "").path("samples").size()).isZero();
    }

    @ApiTest
    void examplesBeforeAnyResyncAreRefused(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);

        ApiResponse refused = fake.ocean().postExamples("fake-person", persons(0, 1)).expectError(409, "no_resync");

        assertThat(refused.message()).contains("resync-state");
    }

    @ApiTest
    void onlyTheIntegrationsOwnCredentialPostsExamples(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        fake.ocean().resyncStarted("2026-01-02T03:00:00Z").expect(200);

        for (String role : List.of("admin", "member")) {
            new OceanClient(server.newCaller(role).client(), fake.ocean().type, fake.ocean().identifier)
                    .postExamples("fake-person", persons(0, 1)).expectError(403, "forbidden");
        }

        assertThat(samples(server, fake, "").path("samples").size()).isZero();
    }
}
