package dev.portolan.server.ocean;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.server.testing.ApiResponse;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;
import dev.portolan.server.testing.Fixtures;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ocean's catalog calls: creating its default blueprints, upserting (one by one in 0.12, in bulk in
 * current Ocean), finding what it owns by its datasource and deleting what its source no longer
 * has, and {@code ocean clean}'s blueprint deletion with its migration.
 */
class OceanEntitiesTest {

    @ApiTest
    void createsItsDefaultBlueprintsAndReadsThemBack(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        fake.ocean().getBlueprint(fake.department()).expectError(404, "not_found"); // "Blueprints already exist" check

        fake.createBlueprints();

        JsonNode blueprint = fake.ocean().getBlueprint(fake.person()).expect(200).get("blueprint");
        // core.models.Blueprint: identifier, title, schema and relations (a dict, required) are read
        assertThat(blueprint.path("identifier").asText()).isEqualTo(fake.person());
        assertThat(blueprint.path("schema").path("properties").has("email")).isTrue();
        assertThat(blueprint.path("relations").path("department").path("target").asText()).isEqualTo(fake.department());
        assertThat(blueprint.path("relations").path("department").path("many").isBoolean()).isTrue();
        assertThat(fake.ocean().getBlueprint(fake.department()).expect(200).get("blueprint").path("relations").isObject()).isTrue();
    }

    @ApiTest
    void anUpsertAnswersTheEntityOceanKeepsForItsDeletions(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        fake.createBlueprints();
        fake.ocean().upsertEntity(fake.department(), fake.departmentEntity("hr")).expect(201);

        JsonNode entity = fake.ocean().upsertEntity(fake.person(), fake.personEntity("P1", "hr")).expect(201).get("entity");

        assertThat(entity.path("identifier").asText()).isEqualTo("P1");
        assertThat(entity.path("blueprint").asText()).isEqualTo(fake.person());
        assertThat(entity.path("relations").path("department").asText()).isEqualTo("hr");
        // the same upsert again changes nothing and still answers the entity
        assertThat(fake.ocean().upsertEntity(fake.person(), fake.personEntity("P1", "hr")).expect(200)
                .get("entity").path("identifier").asText()).isEqualTo("P1");
    }

    @ApiTest
    void propertiesTheBlueprintDoesNotDefineAreDroppedNamedInAWarningAndInTheEventLog(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        fake.createBlueprints();
        fake.ocean().upsertEntity(fake.department(), fake.departmentEntity("hr")).expect(201);

        ApiResponse response = fake.ocean().upsertEntity(fake.person(), fake.personEntity("P1", "hr")).expect(201);
        fake.ocean().upsertEntity(fake.person(), fake.personEntity("P2", "hr")).expect(201);

        JsonNode stored = Fixtures.get(server, fake.person(), "P1");
        assertThat(stored.path("properties").has("name")).isFalse();
        assertThat(stored.path("properties").has("department")).isFalse();
        assertThat(stored.path("properties").path("email").asText()).isEqualTo("p1@example.com");
        JsonNode warning = response.get("warnings").path(0);
        assertThat(warning.path("code").asText()).isEqualTo("properties_dropped");
        assertThat(warning.path("properties").toString()).isEqualTo("[\"name\",\"department\"]");
        List<String> logged = new ArrayList<>();
        server.admin().get("/v1/integration/" + fake.ocean().identifier + "/logs").expect(200).get("data").path("logs")
                .forEach(line -> { if (line.path("level").asText().equals("WARNING")) logged.add(line.path("message").asText()); });
        assertThat(logged).hasSize(1); // once per resync and set of properties, not once per entity
        assertThat(logged.getFirst()).contains(fake.person()).contains("name, department").contains("not stored");
    }

    @ApiTest
    void everythingElseTheBlueprintRefusesIsStillA422(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        fake.createBlueprints();
        var entity = (com.fasterxml.jackson.databind.node.ObjectNode) fake.personEntity("P1", "hr").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) entity.get("properties")).put("status", "ASLEEP").put("unknown", 1);
        entity.remove("relations");

        ApiResponse refused = fake.ocean().upsertEntity(fake.person(), entity).expectError(422, "invalid_entity");

        assertThat(refused.detailPaths()).containsExactly("properties.status");
        server.admin().get(Fixtures.entityPath(fake.person(), "P1")).expectError(404, "not_found");
    }

    @ApiTest
    void whatOceanWritesIsOwnedByItsUserAgentAndFoundByOcean012sSearch(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        fake.createBlueprints();
        OceanFixtures other = new OceanFixtures(new OceanClient(server.admin(), fake.ocean().type, fake.ocean().identifier + "-2"),
                fake.department(), fake.person());
        other.ocean().createIntegration(other.mapping(), false).expect(200);
        fake.ocean().upsertEntity(fake.department(), fake.departmentEntity("hr")).expect(201);
        other.ocean().upsertEntity(fake.department(), fake.departmentEntity("it")).expect(201);
        Fixtures.entity(server, fake.department(), "{identifier: 'by-hand'}");

        ApiResponse owned = fake.ocean().searchOwned().expect(200);

        assertThat(owned.identifiers()).containsExactly("hr"); // not the other integration's, not the API's
        JsonNode entity = owned.get("entities").path(0);
        assertThat(entity.path("blueprint").asText()).isEqualTo(fake.department()); // include=blueprint&include=identifier
        assertThat(entity.has("properties")).isFalse();
        assertThat(Fixtures.get(server, fake.department(), "hr").path("updatedBy").asText()).isEqualTo("integration:" + fake.ocean().identifier);
    }

    @ApiTest
    void currentOceanPagesWhatItOwnsThroughDatasourceEntities(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        fake.createBlueprints();
        List<JsonNode> departments = new ArrayList<>();
        for (int i = 0; i < 5; i++) departments.add(fake.departmentEntity("d" + i));
        fake.ocean().upsertEntitiesBulk(fake.department(), departments).expect(200);

        ApiResponse first = fake.ocean().datasourceEntities(3, null).expect(200);
        ApiResponse second = fake.ocean().datasourceEntities(3, first.get("next").asText()).expect(200);

        assertThat(first.identifiers()).containsExactly("d0", "d1", "d2");
        assertThat(first.get("entities").path(0).path("blueprint").asText()).isEqualTo(fake.department());
        assertThat(second.identifiers()).containsExactly("d3", "d4");
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(fake.ocean().datasourceEntities(null, null).identifiers()).hasSize(5);
    }

    @ApiTest
    void currentOceansBulkUpsertAnswersIndexAndIdentifierOfEachEntity(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        fake.createBlueprints();
        fake.ocean().upsertEntity(fake.department(), fake.departmentEntity("hr")).expect(201);
        var bad = (com.fasterxml.jackson.databind.node.ObjectNode) fake.personEntity("P2", "hr").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad.get("properties")).put("age", "old");

        ApiResponse response = fake.ocean().upsertEntitiesBulk(fake.person(), List.of(fake.personEntity("P1", "hr"), bad)).expect(207);

        // _parse_upsert_entities_batch_response reads entities[].index, entities[].identifier, errors[].index, errors[].identifier
        assertThat(response.get("entities").path(0).path("index").asInt()).isZero();
        assertThat(response.get("entities").path(0).path("identifier").asText()).isEqualTo("P1");
        assertThat(response.get("entities").path(0).path("warnings").path(0).path("properties").size()).isEqualTo(2);
        assertThat(response.get("errors").path(0).path("index").asInt()).isEqualTo(1);
        assertThat(response.get("errors").path(0).path("identifier").asText()).isEqualTo("P2");
    }

    @ApiTest
    void deletesWhatItsSourceNoLongerHasAndA404MeansAlreadyGone(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        fake.createBlueprints();
        fake.ocean().upsertEntity(fake.department(), fake.departmentEntity("hr")).expect(201);
        fake.ocean().upsertEntity(fake.person(), fake.personEntity("P1", "hr")).expect(201);

        fake.ocean().deleteEntity(fake.person(), "P1").expect(200);

        fake.ocean().deleteEntity(fake.person(), "P1").expectError(404, "not_found"); // Ocean logs "already deleted" and goes on
        assertThat(fake.ocean().searchOwned().identifiers()).containsExactly("hr");
    }

    @ApiTest
    void uninstallingWithDeleteEntitiesDeletesWhatItWroteAndNothingElse(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        fake.createBlueprints();
        OceanClient other = new OceanClient(server.admin(), fake.ocean().type, fake.ocean().identifier + "-2");
        other.createIntegration(fake.mapping(), false).expect(200);
        fake.ocean().upsertEntity(fake.department(), fake.departmentEntity("hr")).expect(201);
        fake.ocean().upsertEntity(fake.person(), fake.personEntity("P1", "hr")).expect(201);
        other.upsertEntity(fake.department(), fake.departmentEntity("it")).expect(201);
        Fixtures.entity(server, fake.department(), "{identifier: 'by-hand'}");

        JsonNode answer = server.admin().delete("/v1/integration/" + fake.ocean().identifier + "?delete_entities=true").expect(200).body();

        assertThat(answer.path("deletedEntities").asInt()).isEqualTo(2);
        server.admin().get(Fixtures.entityPath(fake.person(), "P1")).expectError(404, "not_found");
        assertThat(Fixtures.count(server, fake.department())).isEqualTo(2); // the other integration's and the API's stay
        fake.ocean().getIntegration().expectError(404, "not_found");
    }

    @ApiTest
    void deletingABlueprintWithItsEntitiesAnswersAMigrationThatHasCompleted(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        fake.createBlueprints();
        fake.ocean().upsertEntity(fake.department(), fake.departmentEntity("hr")).expect(201);
        fake.ocean().upsertEntity(fake.person(), fake.personEntity("P1", "hr")).expect(201);

        String migrationId = fake.ocean().deleteBlueprintWithEntities(fake.person()).expect(200).get("migrationId").asText();

        JsonNode migration = fake.ocean().getMigration(migrationId).expect(200).get("migration");
        // core.models.Migration: id, actor, sourceBlueprint, mapping, status (not RUNNING/INITIALIZING/PENDING)
        assertThat(migration.path("id").asText()).isEqualTo(migrationId);
        assertThat(migration.path("actor").isTextual()).isTrue();
        assertThat(migration.path("sourceBlueprint").asText()).isEqualTo(fake.person());
        assertThat(migration.path("mapping").isObject()).isTrue();
        assertThat(migration.path("status").asText()).isEqualTo("COMPLETED");
        fake.ocean().getBlueprint(fake.person()).expectError(404, "not_found");
        fake.ocean().getMigration("migration_unknown").expectError(404, "not_found");
    }

    @ApiTest
    void aPortShapedSearchWithoutLimitAnswersEveryMatchAsOcean012ReadsNoCursor(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        fake.createBlueprints();
        List<JsonNode> departments = new ArrayList<>();
        for (int i = 0; i < 1100; i++) departments.add(fake.departmentEntity("d" + i));
        fake.ocean().upsertEntitiesBulk(fake.department(), departments.subList(0, 1000)).expect(200);
        fake.ocean().upsertEntitiesBulk(fake.department(), departments.subList(1000, 1100)).expect(200);

        ApiResponse owned = fake.ocean().searchOwned().expect(200);

        assertThat(owned.identifiers()).hasSize(1100).doesNotHaveDuplicates();
        assertThat(owned.get("next").isMissingNode()).isTrue();
        // with a limit, the same query pages as before
        assertThat(server.admin().post("/v1/entities/search", "{combinator: 'and', rules: [{property: '$blueprint', operator: '=', value: '"
                + fake.department() + "'}], limit: 10}").expect(200).identifiers()).hasSize(10);
    }

    @ApiTest
    void writingAsAnOceanIntegrationNeedsAnAdminCredential(ApiServer server) {
        OceanFixtures fake = OceanFixtures.registered(server);
        fake.createBlueprints();
        var member = server.newCaller("member").client();
        OceanClient asMember = new OceanClient(member, fake.ocean().type, fake.ocean().identifier);

        asMember.upsertEntity(fake.department(), fake.departmentEntity("hr")).expectError(403, "forbidden");

        server.admin().get(Fixtures.entityPath(fake.department(), "hr")).expectError(404, "not_found");
    }
}
