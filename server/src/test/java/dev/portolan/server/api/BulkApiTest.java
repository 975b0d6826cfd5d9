package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.server.testing.ApiResponse;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;
import dev.portolan.server.testing.Fixtures;

import java.util.ArrayList;
import java.util.List;

import static dev.portolan.server.testing.Fixtures.entitiesPath;
import static dev.portolan.server.testing.Fixtures.entityPath;
import static org.assertj.core.api.Assertions.assertThat;

/** Bulk create, bulk delete and delete-all of a blueprint's entities. */
class BulkApiTest {

    @ApiTest
    void createsEveryEntityWith200AndReportsEachByIndex(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "bulk");

        ApiResponse response = server.admin().post(entitiesPath(blueprint) + "/bulk",
                "{entities: [{identifier: 'a'}, {identifier: 'b', title: 'B'}, {identifier: 'c'}]}").expect(200);

        JsonNode entities = response.get("entities");
        assertThat(entities).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(entities.get(i).path("index").asInt()).isEqualTo(i);
            assertThat(entities.get(i).path("created").asBoolean()).isTrue();
        }
        assertThat(entities.get(1).path("identifier").asText()).isEqualTo("b");
        assertThat(response.get("errors")).isEmpty();
        assertThat(Fixtures.count(server, blueprint)).isEqualTo(3);
    }

    @ApiTest
    void writesWhatIsValidAndAnswers207WithAnErrorPerFailedEntity(ApiServer server) {
        String domain = Fixtures.blueprint(server, "domain");
        String blueprint = Fixtures.blueprint(server, "partial", """
                {schema: {properties: {port: {type: 'number'}}}, relations: {domain: {target: '%s'}}}""".formatted(domain));
        Fixtures.entity(server, blueprint, "{identifier: 'taken'}");

        ApiResponse response = server.admin().post(entitiesPath(blueprint) + "/bulk", """
                {entities: [{identifier: 'ok1', properties: {port: 1}},
                            {identifier: 'badport', properties: {port: 'x'}},
                            {identifier: 'taken'},
                            {identifier: 'orphan', relations: {domain: 'ghost'}},
                            {identifier: 'ok2'},
                            {identifier: 'has space'}]}""").expect(207);

        assertThat(identifiers(response.get("entities"))).containsExactly("ok1", "ok2");
        JsonNode errors = response.get("errors");
        assertThat(errors).hasSize(4);
        assertError(errors.get(0), 1, "badport", 422, "invalid_entity");
        assertThat(errors.get(0).path("message").asText()).contains("properties.port");
        assertError(errors.get(1), 2, "taken", 409, "identifier_taken");
        assertError(errors.get(2), 3, "orphan", 404, "not_found");
        assertThat(errors.get(2).path("message").asText()).contains("ghost");
        assertError(errors.get(3), 5, "has space", 422, "invalid_entity");

        assertThat(Fixtures.count(server, blueprint)).isEqualTo(3);
        server.admin().get(entityPath(blueprint, "badport")).expectError(404, "not_found");
        server.admin().get(entityPath(blueprint, "orphan")).expectError(404, "not_found");
        assertThat(Fixtures.count(server, domain)).isZero();
    }

    @ApiTest
    void anEntityThatIsNotAnObjectFailsAloneWith400(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "shape");
        ApiResponse response = server.admin().post(entitiesPath(blueprint) + "/bulk", "{entities: [{identifier: 'a'}, 'b', 7]}").expect(207);

        assertThat(identifiers(response.get("entities"))).containsExactly("a");
        assertThat(response.get("errors")).hasSize(2);
        assertThat(response.get("errors").get(0).path("index").asInt()).isEqualTo(1);
        assertThat(response.get("errors").get(0).path("statusCode").asInt()).isEqualTo(400);
    }

    @ApiTest
    void upsertsInBulkReportingCreatedUpdatedAndUnchanged(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "upsert", "{schema: {properties: {n: {type: 'number'}}}}");
        Fixtures.entities(server, blueprint, "{identifier: 'same', properties: {n: 1}}", "{identifier: 'changed', properties: {n: 1}}");

        JsonNode entities = server.admin().post(entitiesPath(blueprint) + "/bulk?upsert=true", """
                {entities: [{identifier: 'same', properties: {n: 1}}, {identifier: 'changed', properties: {n: 2}},
                            {identifier: 'new', properties: {n: 3}}]}""").expect(200).get("entities");

        assertThat(statuses(entities)).containsExactly("unchanged", "updated", "created");
        assertThat(entities.get(2).path("created").asBoolean()).isTrue();
        assertThat(entities.get(1).path("created").asBoolean()).isFalse();
        assertThat(Fixtures.get(server, blueprint, "changed").path("properties").path("n").asInt()).isEqualTo(2);
    }

    @ApiTest
    void withoutUpsertAnExistingEntityFailsWith409AndIsNotChanged(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "noupsert", "{schema: {properties: {n: {type: 'number'}}}}");
        Fixtures.entity(server, blueprint, "{identifier: 'a', properties: {n: 1}}");

        ApiResponse response = server.admin().post(entitiesPath(blueprint) + "/bulk", "{entities: [{identifier: 'a', properties: {n: 2}}]}")
                .expect(207);

        assertThat(response.get("errors").get(0).path("statusCode").asInt()).isEqualTo(409);
        assertThat(Fixtures.get(server, blueprint, "a").path("properties").path("n").asInt()).isEqualTo(1);
    }

    @ApiTest
    void theSameIdentifierTwiceInOneRequestIsWrittenInOrder(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "twice", "{schema: {properties: {n: {type: 'number'}, m: {type: 'number'}}}}");

        JsonNode entities = server.admin().post(entitiesPath(blueprint) + "/bulk?upsert=true&merge=true", """
                {entities: [{identifier: 'a', properties: {n: 1}}, {identifier: 'a', properties: {m: 2}}]}""").expect(200).get("entities");

        assertThat(statuses(entities)).containsExactly("created", "updated");
        JsonNode a = Fixtures.get(server, blueprint, "a");
        assertThat(a.path("properties").path("n").asInt()).isEqualTo(1);
        assertThat(a.path("properties").path("m").asInt()).isEqualTo(2);
    }

    @ApiTest
    void anEntityMayPointAtAnotherOfTheSameRequest(ApiServer server) {
        String node = Fixtures.blueprint(server, "node");
        server.admin().patch("/v1/blueprints/" + node, "{relations: {parent: {target: '%s'}}}".formatted(node)).expect(200);

        server.admin().post(entitiesPath(node) + "/bulk", """
                {entities: [{identifier: 'child', relations: {parent: 'root'}}, {identifier: 'root'}]}""").expect(200);

        assertThat(Fixtures.get(server, node, "child").path("relations").path("parent").asText()).isEqualTo("root");
    }

    @ApiTest
    void createMissingRelatedEntitiesWorksInBulk(ApiServer server) {
        String domain = Fixtures.blueprint(server, "domain");
        String service = Fixtures.blueprint(server, "service", "{relations: {domain: {target: '%s'}}}".formatted(domain));

        server.admin().post(entitiesPath(service) + "/bulk?create_missing_related_entities=true",
                "{entities: [{identifier: 'a', relations: {domain: 'd1'}}, {identifier: 'b', relations: {domain: 'd1'}}]}").expect(200);

        assertThat(Fixtures.count(server, domain)).isEqualTo(1);
        assertThat(Fixtures.count(server, service)).isEqualTo(2);
    }

    @ApiTest
    void refusesAnEmptyOrMissingEntitiesListWith400(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "empty");
        server.admin().post(entitiesPath(blueprint) + "/bulk", "{entities: []}").expect(400);
        server.admin().post(entitiesPath(blueprint) + "/bulk", "{}").expect(400);
        server.admin().post(entitiesPath(blueprint) + "/bulk", "{entities: {identifier: 'a'}}").expect(400);
        server.admin().post(entitiesPath("no_such_blueprint") + "/bulk", "{entities: [{identifier: 'a'}]}").expectError(404, "not_found");
        assertThat(Fixtures.count(server, blueprint)).isZero();
    }

    @ApiTest
    void bulkDeleteDeletesTheGivenEntities(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "bulkdelete");
        Fixtures.entities(server, blueprint, "{identifier: 'a'}", "{identifier: 'b'}", "{identifier: 'c'}");

        JsonNode deleted = server.admin().post("/v1/blueprints/" + blueprint + "/bulk/entities/delete", "{entities: ['a', 'c']}")
                .expect(200).get("deletedEntities");

        assertThat(identifiersOf(deleted)).containsExactlyInAnyOrder("a", "c");
        assertThat(server.admin().get(entitiesPath(blueprint)).expect(200).identifiers()).containsExactly("b");
    }

    @ApiTest
    void bulkDeleteOfAMissingEntityIs404AndDeletesNothing(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "bulkdelete_missing");
        Fixtures.entities(server, blueprint, "{identifier: 'a'}", "{identifier: 'b'}");

        ApiResponse response = server.admin().post("/v1/blueprints/" + blueprint + "/bulk/entities/delete", "{entities: ['a', 'ghost']}")
                .expectError(404, "not_found");

        assertThat(response.message()).contains("ghost");
        assertThat(Fixtures.count(server, blueprint)).isEqualTo(2);
        server.admin().post("/v1/blueprints/" + blueprint + "/bulk/entities/delete", "{entities: [1]}").expect(400);
        server.admin().post("/v1/blueprints/" + blueprint + "/bulk/entities/delete", "{entities: []}").expect(400);
        assertThat(Fixtures.count(server, blueprint)).isEqualTo(2);
    }

    @ApiTest
    void bulkDeleteRespectsRequiredDependents(ApiServer server) {
        String domain = Fixtures.blueprint(server, "domain");
        String service = Fixtures.blueprint(server, "service", "{relations: {domain: {target: '%s', required: true}}}".formatted(domain));
        Fixtures.entities(server, domain, "{identifier: 'd1'}", "{identifier: 'd2'}");
        Fixtures.entity(server, service, "{identifier: 's1', relations: {domain: 'd1'}}");

        server.admin().post("/v1/blueprints/" + domain + "/bulk/entities/delete", "{entities: ['d1', 'd2']}").expectError(409, "has_dependents");
        assertThat(Fixtures.count(server, domain)).isEqualTo(2);

        JsonNode deleted = server.admin().post("/v1/blueprints/" + domain + "/bulk/entities/delete?delete_dependents=true",
                "{entities: ['d1', 'd2']}").expect(200).get("deletedEntities");
        assertThat(identifiersOf(deleted)).containsExactlyInAnyOrder("d1", "d2");
        assertThat(Fixtures.count(server, domain)).isZero();
        assertThat(Fixtures.count(server, service)).isZero();
    }

    @ApiTest
    void deletesAllEntitiesOfABlueprintAndKeepsTheBlueprint(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "wiped");
        String other = Fixtures.blueprint(server, "untouched");
        Fixtures.entities(server, blueprint, "{identifier: 'a'}", "{identifier: 'b'}", "{identifier: 'c'}");
        Fixtures.entity(server, other, "{identifier: 'a'}");

        server.admin().delete("/v1/blueprints/" + blueprint + "/all-entities").expect(200);

        assertThat(Fixtures.count(server, blueprint)).isZero();
        server.admin().get("/v1/blueprints/" + blueprint).expect(200);
        assertThat(Fixtures.count(server, other)).isEqualTo(1);
    }

    @ApiTest
    void deleteAllWithDeleteBlueprintRemovesTheBlueprintToo(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "wiped_bp");
        Fixtures.entities(server, blueprint, "{identifier: 'a'}");

        server.admin().delete("/v1/blueprints/" + blueprint + "/all-entities?delete_blueprint=true").expect(200);

        server.admin().get("/v1/blueprints/" + blueprint).expectError(404, "not_found");
    }

    @ApiTest
    void deleteAllRespectsRequiredDependents(ApiServer server) {
        String domain = Fixtures.blueprint(server, "domain");
        String service = Fixtures.blueprint(server, "service", "{relations: {domain: {target: '%s', required: true}}}".formatted(domain));
        Fixtures.entity(server, domain, "{identifier: 'd1'}");
        Fixtures.entity(server, service, "{identifier: 's1', relations: {domain: 'd1'}}");

        server.admin().delete("/v1/blueprints/" + domain + "/all-entities").expectError(409, "has_dependents");
        assertThat(Fixtures.count(server, domain)).isEqualTo(1);

        server.admin().delete("/v1/blueprints/" + domain + "/all-entities?delete_dependents=true").expect(200);
        assertThat(Fixtures.count(server, domain)).isZero();
        assertThat(Fixtures.count(server, service)).isZero();
    }

    @ApiTest
    void deleteAllOfAMissingBlueprintIs404(ApiServer server) {
        server.admin().delete("/v1/blueprints/no_such_blueprint/all-entities").expectError(404, "not_found");
    }

    private static void assertError(JsonNode error, int index, String identifier, int statusCode, String code) {
        assertThat(error.path("index").asInt()).as("index of %s", error).isEqualTo(index);
        assertThat(error.path("identifier").asText()).as("identifier of %s", error).isEqualTo(identifier);
        assertThat(error.path("statusCode").asInt()).as("statusCode of %s", error).isEqualTo(statusCode);
        assertThat(error.path("error").asText()).as("error of %s", error).isEqualTo(code);
        assertThat(error.path("message").asText()).as("message of %s", error).isNotBlank();
    }

    private static List<String> identifiers(JsonNode results) {
        List<String> ids = new ArrayList<>();
        results.forEach(r -> ids.add(r.path("identifier").asText()));
        return ids;
    }

    private static List<String> identifiersOf(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(r -> ids.add(r.asText()));
        return ids;
    }

    private static List<String> statuses(JsonNode results) {
        List<String> statuses = new ArrayList<>();
        results.forEach(r -> statuses.add(r.path("status").asText()));
        return statuses;
    }
}
