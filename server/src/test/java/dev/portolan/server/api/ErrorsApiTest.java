package dev.portolan.server.api;

import dev.portolan.server.testing.ApiResponse;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;
import dev.portolan.server.testing.Fixtures;
import dev.portolan.server.testing.Ids;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.portolan.server.testing.Fixtures.entitiesPath;
import static dev.portolan.server.testing.Fixtures.entityPath;
import static org.assertj.core.api.Assertions.assertThat;

/** Requests the server refuses as a whole: malformed JSON, oversized bodies, bad parameters, unknown routes. */
class ErrorsApiTest {

    @ApiTest
    void malformedJsonIs400OnEveryEndpointThatTakesABody(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "malformed");
        Fixtures.entity(server, blueprint, "{identifier: 'a'}");
        for (String[] endpoint : endpointsWithABody(blueprint)) {
            for (String body : List.of("{\"identifier\": ", "{identifier: 'x'}", "{\"a\": 1} {\"b\": 2}", "nul", "{\"a\": 1,}")) {
                ApiResponse response = server.admin().send(endpoint[0], endpoint[1], body).expectError(400, "invalid_request");
                assertThat(response.message()).as("%s %s", endpoint[0], endpoint[1]).contains("JSON");
            }
        }
        assertThat(Fixtures.count(server, blueprint)).isEqualTo(1);
        assertThat(Fixtures.get(server, blueprint, "a").path("title").asText()).isEqualTo("a");
    }

    /** A key given twice would let the last one silently win; the client meant one of them, so it is refused. */
    @ApiTest
    void aKeyGivenTwiceIs400NamingTheKeyOnEveryEndpointThatTakesABody(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "duplicates");
        Fixtures.entity(server, blueprint, "{identifier: 'a'}");
        for (String[] endpoint : endpointsWithABody(blueprint)) {
            for (String body : List.of("{\"identifier\": \"a\", \"identifier\": \"b\"}",
                    "{\"entities\": [{\"identifier\": \"c\", \"title\": \"x\", \"identifier\": \"d\"}], \"identifier\": \"e\"}",
                    "{\"properties\": {\"identifier\": 1, \"identifier\": 2}}")) {
                ApiResponse response = server.admin().send(endpoint[0], endpoint[1], body).expectError(400, "invalid_request");
                assertThat(response.message()).as("%s %s", endpoint[0], endpoint[1]).contains("'identifier'").contains("line 1");
            }
        }
        assertThat(Fixtures.count(server, blueprint)).isEqualTo(1);
        assertThat(Fixtures.get(server, blueprint, "a").path("title").asText()).isEqualTo("a");
        server.admin().get("/v1/blueprints/" + blueprint + "/entities/b").expectError(404, "not_found");
    }

    private static List<String[]> endpointsWithABody(String blueprint) {
        return List.of(
                new String[] {"POST", "/v1/blueprints"}, new String[] {"PUT", "/v1/blueprints/" + blueprint},
                new String[] {"PATCH", "/v1/blueprints/" + blueprint}, new String[] {"POST", entitiesPath(blueprint)},
                new String[] {"PUT", entityPath(blueprint, "a")}, new String[] {"PATCH", entityPath(blueprint, "a")},
                new String[] {"POST", entitiesPath(blueprint) + "/bulk"},
                new String[] {"POST", "/v1/blueprints/" + blueprint + "/bulk/entities/delete"},
                new String[] {"POST", entitiesPath(blueprint) + "/search"}, new String[] {"POST", "/v1/entities/search"},
                new String[] {"POST", "/v1/teams"}, new String[] {"POST", "/v1/users"}, new String[] {"POST", "/v1/credentials"},
                new String[] {"POST", "/v1/auth/access_token"}, new String[] {"PATCH", "/v1/integration/none"},
                new String[] {"POST", "/v1/integration"});
    }

    @ApiTest
    void aMissingOrWronglyShapedBodyIs400(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "shapes");
        server.admin().send("POST", "/v1/blueprints", null).expect(400);
        server.admin().send("POST", entitiesPath(blueprint), null).expect(400);
        server.admin().post("/v1/blueprints", "[]").expect(400);
        server.admin().post("/v1/blueprints", "'just a string'").expect(400);
        server.admin().post(entitiesPath(blueprint), "[{identifier: 'a'}]").expect(400);
        server.admin().post(entitiesPath(blueprint), "42").expect(400);
        server.admin().post("/v1/entities/search", "'query'").expect(400);
        assertThat(Fixtures.count(server, blueprint)).isZero();
    }

    @ApiTest
    void unknownEntityFieldsAre422(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "fields");
        assertThat(server.admin().post(entitiesPath(blueprint), "{identifier: 'a', propertys: {}}").expectError(422, "invalid_entity")
                .detailPaths()).containsExactly("propertys");
        assertThat(server.admin().post(entitiesPath(blueprint), "{identifier: 'a', team: 5, title: []}").expectError(422, "invalid_entity")
                .detailPaths()).contains("team", "title");
        assertThat(Fixtures.count(server, blueprint)).isZero();
    }

    @ApiTest
    void unknownQueryParameterValuesAre400AndChangeNothing(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "flags", "{schema: {properties: {n: {type: 'number'}}}}");
        Fixtures.entity(server, blueprint, "{identifier: 'a', properties: {n: 1}}");

        for (String flag : List.of("upsert=maybe", "merge=1", "validation_only=yes", "create_missing_related_entities=sure",
                "upsert=TRUE1", "upsert=true&merge=perhaps")) {
            server.admin().post(entitiesPath(blueprint) + "?" + flag, "{identifier: 'a', properties: {n: 2}}").expectError(400, "invalid_request");
            server.admin().post(entitiesPath(blueprint) + "?" + flag, "{identifier: 'new', properties: {n: 2}}").expectError(400, "invalid_request");
            server.admin().post(entitiesPath(blueprint) + "/bulk?" + flag, "{entities: [{identifier: 'new'}]}").expectError(400, "invalid_request");
        }
        server.admin().patch(entityPath(blueprint, "a") + "?create_missing_related_entities=0", "{properties: {n: 3}}").expect(400);
        server.admin().delete(entityPath(blueprint, "a") + "?delete_dependents=nope").expectError(400, "invalid_request");
        server.admin().post("/v1/blueprints/" + blueprint + "/bulk/entities/delete?delete_dependents=y", "{entities: ['a']}").expect(400);
        server.admin().delete("/v1/blueprints/" + blueprint + "/all-entities?delete_dependents=2").expect(400);
        server.admin().delete("/v1/blueprints/" + blueprint + "/all-entities?delete_blueprint=perhaps").expect(400);
        server.admin().delete("/v1/blueprints/" + blueprint + "?delete_entities=maybe").expectError(400, "invalid_request");

        assertThat(Fixtures.count(server, blueprint)).isEqualTo(1);
        assertThat(Fixtures.get(server, blueprint, "a").path("properties").path("n").asInt()).isEqualTo(1);
        server.admin().get("/v1/blueprints/" + blueprint).expect(200);
    }

    @ApiTest
    void bodiesOverTheLimitAre413AndChangeNothing(ApiServer shared) {
        try (ApiServer server = ApiServer.start(shared.dialect(), settings -> settings.withMaxBodyBytes(2048))) {
            String blueprint = Fixtures.blueprint(server, "limited", "{schema: {properties: {text: {type: 'string'}}}}");
            String big = "x".repeat(3000);

            server.admin().post("/v1/blueprints", "{identifier: '%s', description: '%s'}".formatted(Ids.unique("big"), big))
                    .expectError(413, "payload_too_large");
            server.admin().post(entitiesPath(blueprint), "{identifier: 'big', properties: {text: '%s'}}".formatted(big))
                    .expectError(413, "payload_too_large");
            server.admin().post(entitiesPath(blueprint) + "/search", "{query: {combinator: 'and', rules: [{property: 'text', operator: '=', value: '%s'}]}}"
                    .formatted(big)).expectError(413, "payload_too_large");
            assertThat(chunkedPost(server, entitiesPath(blueprint), "{\"identifier\": \"chunked\", \"properties\": {\"text\": \"" + big + "\"}}"))
                    .isEqualTo(413);

            server.admin().post(entitiesPath(blueprint), "{identifier: 'small', properties: {text: 'fits'}}").expect(201);
            assertThat(Fixtures.count(server, blueprint)).isEqualTo(1);
        }
    }

    @ApiTest
    void unknownRoutesAre404WithAJsonBody(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "routes");
        for (String path : List.of("/v1/nope", "/v1/blueprints/" + blueprint + "/nope", "/v1/blueprints/" + blueprint + "/entities/a/b/c",
                "/nope")) { // "/" is the web UI's home page
            server.admin().get(path).expectError(404, "not_found");
        }
        server.admin().post("/v1/nothing-here", "{}").expectError(404, "not_found");
        server.anonymous().get("/nope").expectError(404, "not_found");
    }

    @ApiTest
    void anUnsupportedMethodIsRefusedWithAJsonBody(ApiServer server) {
        ApiResponse response = server.admin().send("DELETE", "/v1/blueprints", null);
        assertThat(response.status()).isIn(404, 405);
        response = server.admin().send("PUT", "/v1/entities/search", "{}");
        assertThat(response.status()).isIn(404, 405);
    }

    @ApiTest
    void deeplyNestedBodiesAreRefusedCleanly(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "deep", "{schema: {properties: {o: {type: 'object'}}}}");
        String deep = "[".repeat(5000) + "]".repeat(5000);
        server.admin().send("POST", entitiesPath(blueprint), "{\"identifier\": \"d\", \"properties\": {\"o\": {\"x\": " + deep + "}}}")
                .expectError(400, "invalid_request");
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < 30; i++) query.append("{\"combinator\": \"and\", \"rules\": [");
        query.append("]}".repeat(30));
        server.admin().send("POST", entitiesPath(blueprint) + "/search", "{\"query\": " + query + "}").expectError(422, "invalid_search_query");
        assertThat(Fixtures.count(server, blueprint)).isZero();
    }

    /** Sends a body without a Content-Length (chunked), so the limit must be enforced while reading. */
    private static int chunkedPost(ApiServer server, String path, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .header("Authorization", "Bearer " + server.admin().token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                    .build();
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).contains("\"ok\":false");
            return response.statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
