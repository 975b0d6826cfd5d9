package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.server.testing.ApiClient;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;
import dev.portolan.server.testing.Fixtures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.portolan.server.testing.Fixtures.entitiesPath;
import static dev.portolan.server.testing.Fixtures.entityPath;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /v1/audit-log}: a row per change of a blueprint or entity, and its filters. */
class AuditApiTest {

    @ApiTest
    void recordsTheCreateUpdateAndDeleteOfABlueprint(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "audited", "{title: 'Before'}");
        server.admin().patch("/v1/blueprints/" + blueprint, "{title: 'After'}").expect(200);
        server.admin().delete("/v1/blueprints/" + blueprint).expect(200);

        JsonNode audits = audits(server, "blueprint=" + blueprint + "&resources=blueprint");

        assertThat(actions(audits)).containsExactly("DELETE", "UPDATE", "CREATE");
        for (JsonNode row : audits) {
            assertThat(row.path("resourceType").asText()).isEqualTo("blueprint");
            assertThat(row.path("status").asText()).isEqualTo("SUCCESS");
            assertThat(row.path("origin").path("by").asText()).isEqualTo(ApiServer.ADMIN_CLIENT_ID);
            assertThat(row.path("context").path("blueprint").asText()).isEqualTo(blueprint);
            assertThat(row.path("identifier").asText()).isNotBlank();
            assertThat(row.path("timestamp").asText()).isNotBlank();
        }
        assertThat(texts(audits.get(1).path("changedFields"))).contains("title");
        assertThat(audits.get(1).path("diff").path("before").path("title").asText()).isEqualTo("Before");
        assertThat(audits.get(1).path("diff").path("after").path("title").asText()).isEqualTo("After");
    }

    @ApiTest
    void recordsTheCreateUpdateAndDeleteOfAnEntityWithTheChangedFields(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "audited", "{schema: {properties: {n: {type: 'number'}, s: {type: 'string'}}}}");
        Fixtures.entity(server, blueprint, "{identifier: 'a', properties: {n: 1, s: 'x'}}");
        server.admin().patch(entityPath(blueprint, "a"), "{properties: {n: 2}}").expect(200);
        server.admin().delete(entityPath(blueprint, "a")).expect(200);

        JsonNode audits = audits(server, "blueprint=" + blueprint + "&entity=a");

        assertThat(actions(audits)).containsExactly("DELETE", "UPDATE", "CREATE");
        for (JsonNode row : audits) {
            assertThat(row.path("resourceType").asText()).isEqualTo("entity");
            assertThat(row.path("context").path("entity").asText()).isEqualTo("a");
            assertThat(row.path("origin").path("by").asText()).isEqualTo(ApiServer.ADMIN_CLIENT_ID);
        }
        assertThat(texts(audits.get(1).path("changedFields"))).containsExactly("properties.n");
        assertThat(audits.get(1).path("diff").path("before").path("properties").path("n").asInt()).isEqualTo(1);
        assertThat(audits.get(1).path("diff").path("after").path("properties").path("n").asInt()).isEqualTo(2);
        assertThat(texts(audits.get(2).path("changedFields"))).contains("properties.n", "properties.s");
    }

    @ApiTest
    void theOriginIsTheCredentialThatMadeTheChange(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "origin");
        ApiServer.Caller member = server.newCaller("member");
        member.client().post(entitiesPath(blueprint), "{identifier: 'by-member'}").expect(201);

        JsonNode row = audits(server, "blueprint=" + blueprint + "&entity=by-member").get(0);

        assertThat(row.path("origin").path("by").asText()).isEqualTo(member.clientId());
        assertThat(row.path("origin").path("type").asText()).isEqualTo("API");
        assertThat(Fixtures.get(server, blueprint, "by-member").path("createdBy").asText()).isEqualTo(member.clientId());
    }

    @ApiTest
    void recordsEveryEntityOfABulkWriteAndTheRelationsClearedByADelete(ApiServer server) {
        String team = Fixtures.blueprint(server, "team");
        String service = Fixtures.blueprint(server, "service", "{relations: {owner: {target: '%s'}}}".formatted(team));
        Fixtures.entities(server, team, "{identifier: 'red'}", "{identifier: 'blue'}");
        server.admin().post(entitiesPath(service) + "/bulk?create_missing_related_entities=true",
                "{entities: [{identifier: 's1', relations: {owner: 'red'}}, {identifier: 's2', relations: {owner: 'green'}}]}").expect(200);
        assertThat(audits(server, "blueprint=" + team + "&action=CREATE&resources=entity")).hasSize(3);
        assertThat(audits(server, "blueprint=" + service + "&action=CREATE&resources=entity")).hasSize(2);

        server.admin().delete(entityPath(team, "red")).expect(200);

        JsonNode cleared = audits(server, "blueprint=" + service + "&entity=s1&action=UPDATE");
        assertThat(cleared).hasSize(1);
        assertThat(texts(cleared.get(0).path("changedFields"))).containsExactly("relations.owner");
    }

    @ApiTest
    void writesNoRowForAnUnchangedUpsertOrARefusedWrite(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "quiet", "{schema: {properties: {n: {type: 'number'}}}}");
        Fixtures.entity(server, blueprint, "{identifier: 'a', properties: {n: 1}}");
        int before = Fixtures.audits(server, blueprint).size();

        server.admin().post(entitiesPath(blueprint) + "?upsert=true", "{identifier: 'a', properties: {n: 1}}").expect(200);
        server.admin().post(entitiesPath(blueprint), "{identifier: 'b', properties: {n: 'x'}}").expect(422);
        server.admin().post(entitiesPath(blueprint), "{identifier: 'a'}").expect(409);
        server.admin().post(entitiesPath(blueprint) + "?validation_only=true", "{identifier: 'c'}").expect(201);

        assertThat(Fixtures.audits(server, blueprint)).hasSize(before);
    }

    @ApiTest
    void filtersByActionStatusAndResourceType(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "filtered", "{schema: {properties: {n: {type: 'number'}}}}");
        Fixtures.entities(server, blueprint, "{identifier: 'a', properties: {n: 1}}", "{identifier: 'b'}");
        server.admin().patch(entityPath(blueprint, "a"), "{properties: {n: 2}}").expect(200);

        assertThat(actions(audits(server, "blueprint=" + blueprint + "&action=UPDATE"))).containsExactly("UPDATE");
        assertThat(actions(audits(server, "blueprint=" + blueprint + "&action=create"))).containsExactly("CREATE", "CREATE", "CREATE");
        assertThat(audits(server, "blueprint=" + blueprint + "&action=DELETE")).isEmpty();
        assertThat(audits(server, "blueprint=" + blueprint + "&resources=entity")).hasSize(3);
        assertThat(audits(server, "blueprint=" + blueprint + "&resources=blueprint")).hasSize(1);
        assertThat(audits(server, "blueprint=" + blueprint + "&status=SUCCESS")).hasSize(4);
        assertThat(audits(server, "blueprint=" + blueprint + "&status=FAILURE")).isEmpty();
        assertThat(audits(server, "blueprint=" + blueprint + "&entity=b")).hasSize(1);
    }

    @ApiTest
    void filtersByTimeAndLimitsNewestFirst(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "timed");
        Fixtures.entities(server, blueprint, "{identifier: 'a'}");
        Fixtures.entities(server, blueprint, "{identifier: 'b'}");
        Fixtures.entities(server, blueprint, "{identifier: 'c'}");
        JsonNode all = audits(server, "blueprint=" + blueprint);
        Instant newest = Instant.parse(all.get(0).path("timestamp").asText());
        Instant oldest = Instant.parse(all.get(all.size() - 1).path("timestamp").asText());

        assertThat(all).hasSize(4);
        List<String> timestamps = new ArrayList<>();
        all.forEach(row -> timestamps.add(row.path("timestamp").asText()));
        assertThat(timestamps).isSortedAccordingTo((x, y) -> Instant.parse(y).compareTo(Instant.parse(x)));
        assertThat(audits(server, "blueprint=" + blueprint + "&limit=1").get(0).path("context").path("entity").asText()).isEqualTo("c");
        assertThat(audits(server, "blueprint=" + blueprint + "&limit=2")).hasSize(2);
        assertThat(audits(server, "blueprint=" + blueprint + "&from=" + enc(newest.plus(Duration.ofDays(1))))).isEmpty();
        assertThat(audits(server, "blueprint=" + blueprint + "&to=" + enc(oldest.minus(Duration.ofDays(1))))).isEmpty();
        assertThat(audits(server, "blueprint=" + blueprint + "&from=" + enc(oldest.minus(Duration.ofMinutes(1)))
                + "&to=" + enc(newest.plus(Duration.ofMinutes(1))))).hasSize(4);
        assertThat(audits(server, "blueprint=" + blueprint + "&from=" + enc(oldest.minus(Duration.ofMinutes(1)).toString().replace("Z", "+02:00"))))
                .hasSize(4);
    }

    @ApiTest
    void findsOneRowByItsIdentifier(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "byid");
        Fixtures.entities(server, blueprint, "{identifier: 'a'}", "{identifier: 'b'}");
        JsonNode row = audits(server, "blueprint=" + blueprint + "&entity=a").get(0);

        JsonNode found = audits(server, "identifier=" + ApiClient.encode(row.path("identifier").asText()));

        assertThat(found).hasSize(1);
        assertThat(found.get(0)).isEqualTo(row);
        assertThat(audits(server, "identifier=no-such-row")).isEmpty();
    }

    @ApiTest
    void refusesBadFilterValuesWith400(ApiServer server) {
        for (String query : List.of("action=EXPLODE", "status=MAYBE", "resources=things", "from=yesterday", "to=2024-13-01T00:00:00Z",
                "from=2024-01-01", "limit=0", "limit=1001", "limit=ten", "limit=-5")) {
            server.admin().get("/v1/audit-log?" + query).expectError(400, "invalid_request");
        }
    }

    private static JsonNode audits(ApiServer server, String query) {
        return server.admin().get("/v1/audit-log?" + query).expect(200).get("audits");
    }

    private static String enc(Object value) {
        return ApiClient.encode(value.toString());
    }

    private static List<String> actions(JsonNode audits) {
        List<String> actions = new ArrayList<>();
        audits.forEach(a -> actions.add(a.path("action").asText()));
        return actions;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(v -> texts.add(v.asText()));
        return texts;
    }
}
