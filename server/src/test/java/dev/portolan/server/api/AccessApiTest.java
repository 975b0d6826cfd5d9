package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.server.testing.ApiClient;
import dev.portolan.server.testing.ApiResponse;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;
import dev.portolan.server.testing.Fixtures;
import dev.portolan.server.testing.Ids;

import java.util.ArrayList;
import java.util.List;

import static dev.portolan.server.testing.Fixtures.entitiesPath;
import static dev.portolan.server.testing.Fixtures.entityPath;
import static org.assertj.core.api.Assertions.assertThat;

/** Roles (admin, member), API credentials, teams and users. */
class AccessApiTest {

    @ApiTest
    void aMemberIsRefusedBlueprintWritesWith403AndNothingChanges(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "guarded", "{title: 'Guarded'}");
        ApiClient member = server.newCaller("member").client();
        String other = Ids.unique("other");

        member.post("/v1/blueprints", "{identifier: '%s'}".formatted(other)).expectError(403, "forbidden");
        member.put("/v1/blueprints/" + blueprint, "{title: 'Mine'}").expectError(403, "forbidden");
        member.patch("/v1/blueprints/" + blueprint, "{title: 'Mine'}").expectError(403, "forbidden");
        member.delete("/v1/blueprints/" + blueprint).expectError(403, "forbidden");
        member.delete("/v1/blueprints/" + blueprint + "/all-entities?delete_blueprint=true").expectError(403, "forbidden");

        server.admin().get("/v1/blueprints/" + other).expectError(404, "not_found");
        assertThat(server.admin().get("/v1/blueprints/" + blueprint).expect(200).get("blueprint").path("title").asText()).isEqualTo("Guarded");
    }

    @ApiTest
    void aMemberIsRefusedCredentialTeamAndUserManagementWith403(ApiServer server) {
        ApiClient member = server.newCaller("member").client();
        String team = Ids.unique("team");
        server.admin().post("/v1/teams", "{name: '%s'}".formatted(team)).expect(201);
        server.admin().post("/v1/users", "{email: 'kept@example.com'}").expect(201);

        member.get("/v1/credentials").expectError(403, "forbidden");
        member.post("/v1/credentials", "{clientId: 'sneaky', role: 'admin'}").expectError(403, "forbidden");
        member.delete("/v1/credentials/" + ApiServer.ADMIN_CLIENT_ID).expectError(403, "forbidden");
        member.post("/v1/teams", "{name: 'sneaky'}").expectError(403, "forbidden");
        member.put("/v1/teams/" + team, "{description: 'x'}").expectError(403, "forbidden");
        member.patch("/v1/teams/" + team, "{description: 'x'}").expectError(403, "forbidden");
        member.delete("/v1/teams/" + team).expectError(403, "forbidden");
        member.post("/v1/users", "{email: 'sneaky@example.com'}").expectError(403, "forbidden");
        member.patch("/v1/users/kept@example.com", "{role: 'admin'}").expectError(403, "forbidden");
        member.delete("/v1/users/kept@example.com").expectError(403, "forbidden");

        server.anonymous().post("/v1/auth/access_token", "{clientId: 'sneaky', clientSecret: 'x'}").expect(401);
        server.admin().get("/v1/teams/sneaky").expectError(404, "not_found");
        server.admin().get("/v1/users/sneaky@example.com").expectError(404, "not_found");
        server.admin().get("/v1/teams/" + team).expect(200);
        assertThat(server.admin().get("/v1/users/kept@example.com").expect(200).get("user").path("roles").get(0).path("name").asText())
                .isEqualTo("Member");
    }

    @ApiTest
    void aMemberMayReadEverythingAndWriteEntities(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "open", "{schema: {properties: {n: {type: 'number'}}}}");
        ApiClient member = server.newCaller("member").client();

        member.get("/v1/blueprints").expect(200);
        member.get("/v1/blueprints/" + blueprint).expect(200);
        member.post(entitiesPath(blueprint), "{identifier: 'a', properties: {n: 1}}").expect(201);
        member.post(entitiesPath(blueprint) + "?upsert=true&merge=true", "{identifier: 'a', properties: {n: 2}}").expect(200);
        member.patch(entityPath(blueprint, "a"), "{properties: {n: 3}}").expect(200);
        member.put(entityPath(blueprint, "a"), "{properties: {n: 4}}").expect(200);
        member.post(entitiesPath(blueprint) + "/bulk", "{entities: [{identifier: 'b'}, {identifier: 'c'}]}").expect(200);
        member.get(entityPath(blueprint, "a")).expect(200);
        member.get(entitiesPath(blueprint)).expect(200);
        member.get("/v1/blueprints/" + blueprint + "/entities-count").expect(200);
        member.post(entitiesPath(blueprint) + "/search", "{query: {combinator: 'and', rules: []}}").expect(200);
        member.post("/v1/entities/search", "{combinator: 'and', rules: []}").expect(200);
        member.post("/v1/blueprints/" + blueprint + "/bulk/entities/delete", "{entities: ['b']}").expect(200);
        member.delete(entityPath(blueprint, "c")).expect(200);
        member.get("/v1/audit-log?blueprint=" + blueprint).expect(200);
        member.get("/v1/teams").expect(200);
        member.get("/v1/users").expect(200);
        assertThat(Fixtures.get(server, blueprint, "a").path("properties").path("n").asInt()).isEqualTo(4);

        member.delete("/v1/blueprints/" + blueprint + "/all-entities").expect(200);
        assertThat(Fixtures.count(server, blueprint)).isZero();
    }

    @ApiTest
    void anAdminCredentialCreatedThroughTheApiMayChangeBlueprints(ApiServer server) {
        ApiClient admin = server.newCaller("admin").client();
        String id = Ids.unique("by_second_admin");
        admin.post("/v1/blueprints", "{identifier: '%s'}".formatted(id)).expect(201);
        admin.delete("/v1/blueprints/" + id).expect(200);
    }

    @ApiTest
    void aCredentialsSecretIsShownOnceAndNeverListed(ApiServer server) {
        String clientId = Ids.unique("ci-bot");
        JsonNode created = server.admin().post("/v1/credentials", "{clientId: '%s', role: 'member', description: 'CI'}".formatted(clientId))
                .expect(201).get("credential");
        assertThat(created.path("clientSecret").asText()).isNotBlank();
        assertThat(created.path("role").asText()).isEqualTo("member");

        ApiResponse listed = server.admin().get("/v1/credentials").expect(200);
        JsonNode mine = null;
        for (JsonNode c : listed.get("credentials")) if (c.path("clientId").asText().equals(clientId)) mine = c;
        assertThat(mine).isNotNull();
        assertThat(listed.text()).doesNotContain(created.path("clientSecret").asText());
        assertThat(mine.has("clientSecret")).isFalse();
        assertThat(mine.has("secretHash")).isFalse();

        server.login(clientId, created.path("clientSecret").asText()).get("/v1/blueprints").expect(200);
        server.admin().post("/v1/credentials", "{clientId: '%s'}".formatted(clientId)).expectError(409, "identifier_taken");
        server.admin().post("/v1/credentials", "{clientId: 'x-%s', role: 'owner'}".formatted(clientId)).expect(400);
        server.admin().delete("/v1/credentials/no-such-credential").expectError(404, "not_found");
    }

    @ApiTest
    void createsReadsChangesAndDeletesTeams(ApiServer server) {
        String name = Ids.unique("platform");
        JsonNode created = server.admin().post("/v1/teams", "{name: '%s', description: 'Runs the platform'}".formatted(name))
                .expect(201).get("team");
        assertThat(created.path("name").asText()).isEqualTo(name);
        assertThat(created.path("description").asText()).isEqualTo("Runs the platform");

        server.admin().post("/v1/teams", "{name: '%s'}".formatted(name)).expectError(409, "identifier_taken");
        assertThat(names(server.admin().get("/v1/teams").expect(200).get("teams"), "name")).contains(name);
        assertThat(server.admin().get("/v1/teams/" + name).expect(200).get("team").path("description").asText()).isEqualTo("Runs the platform");

        server.admin().patch("/v1/teams/" + name, "{description: 'Patched'}").expect(200);
        assertThat(server.admin().get("/v1/teams/" + name).expect(200).get("team").path("description").asText()).isEqualTo("Patched");
        server.admin().put("/v1/teams/" + name, "{name: '%s', description: 'Put'}".formatted(name)).expect(200);
        server.admin().put("/v1/teams/" + name, "{name: 'renamed'}").expect(400);

        server.admin().delete("/v1/teams/" + name).expect(200);
        server.admin().get("/v1/teams/" + name).expectError(404, "not_found");
        server.admin().patch("/v1/teams/" + name, "{description: 'x'}").expectError(404, "not_found");
        server.admin().delete("/v1/teams/" + name).expectError(404, "not_found");
        server.admin().post("/v1/teams", "{name: ''}").expect(422);
        server.admin().post("/v1/teams", "{name: '%s', users: ['nobody@example.com']}".formatted(Ids.unique("t"))).expect(422);
    }

    @ApiTest
    void createsReadsChangesAndDeletesUsersKeepingTeamMembershipInStep(ApiServer server) {
        String team = Ids.unique("team");
        server.admin().post("/v1/teams", "{name: '%s'}".formatted(team)).expect(201);
        String email = Ids.unique("ada") + "@example.com";

        JsonNode user = server.admin().post("/v1/users", "{email: '%s', firstName: 'Ada', lastName: 'Lovelace', teams: ['%s']}"
                .formatted(email, team)).expect(201).get("user");
        assertThat(user.path("email").asText()).isEqualTo(email);
        assertThat(names(user.path("teams"), null)).containsExactly(team);
        assertThat(names(server.admin().get("/v1/teams/" + team).expect(200).get("team").path("users"), "email")).containsExactly(email);
        assertThat(names(server.admin().get("/v1/users").expect(200).get("users"), "email")).contains(email);

        JsonNode patched = server.admin().patch("/v1/users/" + email, "{roles: ['Admin'], teams: []}").expect(200).get("user");
        assertThat(patched.path("roles").get(0).path("name").asText()).isEqualTo("Admin");
        assertThat(patched.path("firstName").asText()).isEqualTo("Ada");
        assertThat(server.admin().get("/v1/teams/" + team).expect(200).get("team").path("users")).isEmpty();

        server.admin().patch("/v1/users/" + email, "{teams: ['%s']}".formatted(team)).expect(200);
        server.admin().delete("/v1/users/" + email).expect(200);
        server.admin().get("/v1/users/" + email).expectError(404, "not_found");
        assertThat(server.admin().get("/v1/teams/" + team).expect(200).get("team").path("users")).isEmpty();

        server.admin().patch("/v1/users/nobody@example.com", "{firstName: 'x'}").expectError(404, "not_found");
        server.admin().delete("/v1/users/nobody@example.com").expectError(404, "not_found");
        server.admin().post("/v1/users", "{email: 'not-an-email'}").expect(422);
        server.admin().post("/v1/users", "{email: 'x@example.com', teams: ['no_such_team']}").expect(422);
        server.admin().post("/v1/users", "{email: 'y@example.com', role: 'superuser'}").expect(400);
        server.admin().get("/v1/users/x@example.com").expectError(404, "not_found");
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(v -> names.add(field == null ? v.asText() : v.path(field).asText()));
        return names;
    }
}
