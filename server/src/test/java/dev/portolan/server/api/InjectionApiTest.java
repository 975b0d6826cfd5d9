package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.server.testing.ApiClient;
import dev.portolan.server.testing.ApiResponse;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;
import dev.portolan.server.testing.Fixtures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import static dev.portolan.server.testing.Fixtures.entitiesPath;
import static dev.portolan.server.testing.Fixtures.entityPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input in search values, property names and identifiers: each is a clean 4xx or a correct
 * (usually empty) result, values are matched literally (no SQL, LIKE or GLOB meaning), and nothing
 * in the catalog changes.
 */
class InjectionApiTest {

    private static final List<String> HOSTILE = List.of(
            "x' OR '1'='1", "\"; DROP TABLE entities; --", "'); DELETE FROM entities; --", "' UNION SELECT * FROM credentials --",
            "1 OR 1=1", "%", "_", "a_b", "100%", "\\", "*", "?", "[a]", "$.name", "\"name\"", "名前", "émoji 🚀");

    /** Entities (by identifier) and the name property of each; names are matched as plain text. */
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("plain", "plain");
        NAMES.put("percent", "100%");
        NAMES.put("underscore", "a_b");
        NAMES.put("similar", "axb");
        NAMES.put("quote", "x' OR '1'='1");
        NAMES.put("drop", "\"; DROP TABLE entities; --");
        NAMES.put("glob", "[a]*?");
        NAMES.put("backslash", "C:\\path\\name");
        NAMES.put("unicode", "名前");
        NAMES.put("emoji", "émoji 🚀");
    }

    private record Snapshot(List<String> blueprints, long entities, int audits, int credentials) {}

    private static Snapshot snapshot(ApiServer server, String blueprint) {
        List<String> blueprints = new ArrayList<>();
        server.admin().get("/v1/blueprints").expect(200).get("blueprints").forEach(b -> blueprints.add(b.path("identifier").asText()));
        return new Snapshot(blueprints, Fixtures.count(server, blueprint), Fixtures.audits(server, blueprint).size(),
                server.admin().get("/v1/credentials").expect(200).get("credentials").size());
    }

    private static String catalog(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "target", "{schema: {properties: {name: {type: 'string'}, tags: {type: 'array'}}}}");
        ArrayNode entities = Json.array();
        NAMES.forEach((id, name) -> {
            ObjectNode entity = entities.addObject().put("identifier", id).put("title", name);
            entity.putObject("properties").put("name", name).putArray("tags").add(name);
        });
        ObjectNode body = Json.object();
        body.set("entities", entities);
        server.admin().post(entitiesPath(blueprint) + "/bulk", body).expect(200);
        return blueprint;
    }

    @ApiTest
    void hostileSearchValuesAreMatchedLiterallyAndChangeNothing(ApiServer server) {
        String blueprint = catalog(server);
        Snapshot before = snapshot(server, blueprint);
        Map<String, BiPredicate<String, String>> operators = new LinkedHashMap<>();
        operators.put("=", String::equals);
        operators.put("!=", (name, value) -> !name.equals(value));
        operators.put("contains", String::contains);
        operators.put("doesNotContains", (name, value) -> !name.contains(value));
        operators.put("beginsWith", String::startsWith);
        operators.put("doesNotBeginsWith", (name, value) -> !name.startsWith(value));
        operators.put("endsWith", String::endsWith);
        operators.put("doesNotEndsWith", (name, value) -> !name.endsWith(value));

        List<String> values = new ArrayList<>(HOSTILE);
        values.addAll(NAMES.values());
        for (String value : values) {
            for (var operator : operators.entrySet()) {
                for (String property : List.of("name", "$title")) {
                    List<String> expected = NAMES.entrySet().stream().filter(e -> operator.getValue().test(e.getValue(), value))
                            .map(Map.Entry::getKey).sorted().toList();
                    assertThat(search(server, blueprint, rule(property, operator.getKey(), Json.MAPPER.getNodeFactory().textNode(value))))
                            .as("%s %s '%s'", property, operator.getKey(), value).containsExactlyElementsOf(expected);
                }
            }
            ArrayNode list = Json.array().add(value);
            List<String> exact = NAMES.entrySet().stream().filter(e -> e.getValue().equals(value)).map(Map.Entry::getKey).sorted().toList();
            assertThat(search(server, blueprint, rule("name", "in", list))).as("in '%s'", value).containsExactlyElementsOf(exact);
            assertThat(search(server, blueprint, rule("tags", "containsAny", list))).as("containsAny '%s'", value).containsExactlyElementsOf(exact);
            List<String> byIdentifier = NAMES.keySet().stream().filter(value::equals).toList();
            assertThat(search(server, blueprint, rule("$identifier", "=", Json.MAPPER.getNodeFactory().textNode(value))))
                    .containsExactlyElementsOf(byIdentifier);
        }
        assertThat(snapshot(server, blueprint)).isEqualTo(before);
    }

    @ApiTest
    void hostilePropertyNamesAreRefusedOrDroppedAndChangeNothing(ApiServer server) {
        String blueprint = catalog(server);
        Snapshot before = snapshot(server, blueprint);

        for (String property : HOSTILE) {
            if (property.matches("[A-Za-z0-9@_-]+")) continue; // a valid name: covered by the test of values
            ObjectNode query = Json.object().put("combinator", "and");
            query.putArray("rules").add(rule(property, "=", Json.MAPPER.getNodeFactory().textNode("x")));
            ObjectNode body = Json.object();
            body.set("query", query);
            ApiResponse response = server.admin().post(entitiesPath(blueprint) + "/search", body);
            assertThat(response.status()).as("property '%s'", property).isEqualTo(422);
            assertThat(response.detailPaths()).containsExactly("rules[0].property");

            ObjectNode blueprintBody = Json.object().put("identifier", "inj_" + Math.abs(property.hashCode()));
            blueprintBody.putObject("schema").putObject("properties").putObject(property).put("type", "string");
            server.admin().post("/v1/blueprints", blueprintBody).expectError(422, "invalid_blueprint");

            // A property the blueprint does not define is dropped (as Port does), never stored or run as SQL.
            ObjectNode entity = Json.object().put("identifier", "plain");
            entity.putObject("properties").put(property, "x");
            ApiResponse dropped = server.admin().post(entitiesPath(blueprint) + "?upsert=true&merge=true", entity).expect(200);
            assertThat(dropped.get("warnings").path(0).path("properties").path(0).asText()).isEqualTo(property);

            ApiResponse projected = server.admin().get(entitiesPath(blueprint) + "?include=" + ApiClient.encode(property)).expect(200);
            assertThat(projected.get("entities")).hasSize(NAMES.size());
        }
        assertThat(snapshot(server, blueprint)).isEqualTo(before);
    }

    @ApiTest
    void hostileIdentifiersInPathsAreNotFoundAndChangeNothing(ApiServer server) {
        String blueprint = catalog(server);
        Snapshot before = snapshot(server, blueprint);

        for (String value : HOSTILE) {
            String encoded = ApiClient.encode(value);
            int status = 404;
            assertThat(server.admin().get("/v1/blueprints/" + encoded).status()).as(value).isEqualTo(status);
            assertThat(server.admin().get("/v1/blueprints/" + encoded + "/entities").status()).as(value).isEqualTo(status);
            assertThat(server.admin().post("/v1/blueprints/" + encoded + "/entities/search", "{query: {combinator: 'and', rules: []}}")
                    .status()).as(value).isEqualTo(status);
            assertThat(server.admin().delete("/v1/blueprints/" + encoded + "/all-entities").status()).as(value).isEqualTo(status);
            assertThat(server.admin().delete("/v1/blueprints/" + encoded).status()).as(value).isEqualTo(status);
            assertThat(server.admin().get(entityPath(blueprint, value)).status()).as(value).isEqualTo(status);
            assertThat(server.admin().delete(entityPath(blueprint, value)).status()).as(value).isEqualTo(status);
            server.admin().post("/v1/blueprints/" + blueprint + "/bulk/entities/delete", Json.object().set("entities", Json.array().add(value)))
                    .expectError(404, "not_found");
        }
        assertThat(snapshot(server, blueprint)).isEqualTo(before);
    }

    @ApiTest
    void hostileIdentifiersInBodiesAreRefusedWith422AndChangeNothing(ApiServer server) {
        String blueprint = catalog(server);
        Snapshot before = snapshot(server, blueprint);

        for (String value : HOSTILE) {
            boolean validSchemaIdentifier = value.matches("[A-Za-z0-9@_-]+"); // '_', 'a_b': plain names, not attacks
            if (!validSchemaIdentifier) {
                server.admin().post("/v1/blueprints", Json.object().put("identifier", value)).expectError(422, "invalid_blueprint");
            }
            if (!value.matches("[\\p{L}\\p{M}0-9@_.+:\\\\/=-]+")) {
                server.admin().post(entitiesPath(blueprint), Json.object().put("identifier", value)).expectError(422, "invalid_entity");
            }
            ObjectNode related = Json.object().put("operator", "relatedTo").put("blueprint", value).put("value", "plain");
            ApiResponse response = server.admin().post(entitiesPath(blueprint) + "/search",
                    Json.object().set("query", Json.object().put("combinator", "and").set("rules", Json.array().add(related))));
            assertThat(response.status()).as("relatedTo blueprint '%s'", value).isEqualTo(validSchemaIdentifier ? 200 : 422);
            assertThat(response.identifiers()).isEmpty();
            ObjectNode relatedValue = Json.object().put("operator", "relatedTo").put("blueprint", blueprint).put("value", value);
            assertThat(search(server, blueprint, relatedValue)).isEmpty();
        }
        assertThat(snapshot(server, blueprint)).isEqualTo(before);
    }

    @ApiTest
    void hostileAuditFiltersMatchOnlyThatExactValue(ApiServer server) {
        String blueprint = catalog(server);
        Map<String, String> fieldOfFilter = Map.of("blueprint", "/context/blueprint", "entity", "/context/entity",
                "identifier", "/identifier", "origin", "/origin/by");
        for (String value : HOSTILE) {
            fieldOfFilter.forEach((filter, field) -> {
                JsonNode audits = server.admin().get("/v1/audit-log?limit=1000&" + filter + "=" + ApiClient.encode(value)).expect(200).get("audits");
                audits.forEach(row -> assertThat(row.at(field).asText()).as("%s=%s", filter, value).isEqualTo(value));
            });
        }
        assertThat(Fixtures.audits(server, blueprint)).hasSize(NAMES.size() + 1);
    }

    @ApiTest
    void unicodeAndOddCharactersRoundTripExactly(ApiServer server) {
        String blueprint = catalog(server);
        for (Map.Entry<String, String> e : NAMES.entrySet()) {
            JsonNode entity = Fixtures.get(server, blueprint, e.getKey());
            assertThat(entity.path("properties").path("name").asText()).isEqualTo(e.getValue());
            assertThat(entity.path("title").asText()).isEqualTo(e.getValue());
        }
        for (String id : List.of("名前", "C:\\dir/file=1+2", "émoji")) {
            server.admin().post(entitiesPath(blueprint), Json.object().put("identifier", id)).expect(201);
            assertThat(Fixtures.get(server, blueprint, id).path("identifier").asText()).isEqualTo(id);
        }
    }

    /** One request per kind of body the API reads, each carrying {@code text} (a JSON string literal) somewhere. */
    private static List<String[]> bodiesCarrying(String blueprint, String text) {
        return List.of(
                new String[] {"POST", entitiesPath(blueprint), "{\"identifier\": \"n1\", \"properties\": {\"name\": " + text + "}}"},
                new String[] {"POST", entitiesPath(blueprint), "{\"identifier\": " + text + "}"},
                new String[] {"POST", entitiesPath(blueprint), "{\"identifier\": \"n2\", \"title\": " + text + "}"},
                new String[] {"POST", entitiesPath(blueprint), "{\"identifier\": \"n3\", \"properties\": {\"tags\": [{" + text + ": 1}]}}"},
                new String[] {"POST", entitiesPath(blueprint) + "/bulk", "{\"entities\": [{\"identifier\": " + text + "}]}"},
                new String[] {"PATCH", entityPath(blueprint, "plain"), "{\"properties\": {\"name\": " + text + "}}"},
                new String[] {"POST", "/v1/blueprints/" + blueprint + "/bulk/entities/delete", "{\"entities\": [" + text + "]}"},
                new String[] {"POST", entitiesPath(blueprint) + "/search",
                        "{\"query\": {\"combinator\": \"and\", \"rules\": [{\"property\": \"name\", \"operator\": \"=\", \"value\": " + text + "}]}}"},
                new String[] {"POST", "/v1/entities/search",
                        "{\"combinator\": \"and\", \"rules\": [{\"property\": " + text + ", \"operator\": \"=\", \"value\": 1}]}"},
                new String[] {"POST", "/v1/blueprints", "{\"identifier\": \"bad_bp\", \"description\": " + text + "}"},
                new String[] {"PATCH", "/v1/blueprints/" + blueprint, "{\"title\": " + text + "}"},
                new String[] {"POST", "/v1/teams", "{\"name\": \"bad-team\", \"description\": " + text + "}"},
                new String[] {"POST", "/v1/users", "{\"email\": \"bad@example.com\", \"firstName\": " + text + "}"},
                new String[] {"POST", "/v1/credentials", "{\"clientId\": \"bad-client\", \"description\": " + text + "}"},
                new String[] {"POST", "/v1/auth/access_token", "{\"clientId\": " + text + ", \"clientSecret\": \"x\"}"});
    }

    /**
     * No text can hold a NUL character (PostgreSQL refuses it), so a NUL anywhere in a request is a
     * 400 on both dialects: bodies, query parameters, and paths (refused by Jetty itself).
     */
    @ApiTest
    void aNulCharacterAnywhereIsRefusedWith400AndChangesNothing(ApiServer server) {
        String blueprint = catalog(server);
        Snapshot before = snapshot(server, blueprint);
        String nulText = "\"a\\u0000b\"";
        List<String[]> requests = bodiesCarrying(blueprint, nulText);
        for (String[] request : requests) {
            ApiResponse response = server.admin().send(request[0], request[1], request[2]).expectError(400, "invalid_request");
            assertThat(response.message()).as(response.toString()).contains("NUL");
        }
        for (String filter : List.of("blueprint", "entity", "identifier", "origin")) {
            server.admin().get("/v1/audit-log?" + filter + "=a%00b").expectError(400, "invalid_request");
        }
        server.admin().get(entitiesPath(blueprint) + "?include=%00").expectError(400, "invalid_request");
        server.admin().post("/v1/entities/search?from=%00", "{combinator: 'and', rules: []}").expectError(400, "invalid_request");
        // Jetty refuses an encoded NUL in a path before the API sees it, in the API's error shape, and
        // closes the connection saying so (a DELETE, which a client does not retry, must not fail on it).
        server.admin().get("/v1/blueprints/a%00b").expectError(400, "invalid_request");
        server.admin().get(entityPath(blueprint, "a\u0000b")).expectError(400, "invalid_request");
        server.admin().delete(entityPath(blueprint, "a\u0000b")).expectError(400, "invalid_request");
        server.admin().delete(entityPath(blueprint, "a\u0000b")).expectError(400, "invalid_request");
        server.admin().delete("/v1/blueprints/a%00b").expectError(400, "invalid_request");

        assertThat(snapshot(server, blueprint)).isEqualTo(before);
        assertNothingCreatedBy(server);
    }

    /**
     * A lone surrogate has no UTF-8 form: stored, it would come back as '?', not what the client
     * sent. It is refused with 400 naming where it is, like a NUL, in every body and query parameter.
     */
    @ApiTest
    void aLoneSurrogateAnywhereIsRefusedWith400NamingWhereAndChangesNothing(ApiServer server) {
        String blueprint = catalog(server);
        Snapshot before = snapshot(server, blueprint);
        for (String lone : List.of("\"a\\ud800b\"", "\"ab\\udc00\"", "\"\\ud83d\"")) {
            for (String[] request : bodiesCarrying(blueprint, lone)) {
                ApiResponse response = server.admin().send(request[0], request[1], request[2]).expectError(400, "invalid_request");
                // Jackson itself refuses a broken pair in a key, with its line and column; we refuse one in a value.
                assertThat(response.message()).as(response.toString()).contains("surrogate")
                        .containsAnyOf("position", "column");
            }
        }
        ApiResponse inValue = server.admin().send("POST", entitiesPath(blueprint),
                "{\"identifier\": \"s1\", \"properties\": {\"tags\": [\"ok\", \"k\\ud800\"]}}").expectError(400, "invalid_request");
        assertThat(inValue.message()).contains("'properties.tags[1]'").contains("lone surrogate (\\ud800) at position 1");
        server.admin().post("/v1/entities/search?from=" + java.net.URLEncoder.encode("\ud800", java.nio.charset.StandardCharsets.UTF_8),
                "{combinator: 'and', rules: []}").expectError(400, "invalid_request");
        assertThat(snapshot(server, blueprint)).isEqualTo(before);
        assertNothingCreatedBy(server);
        // A valid pair (an emoji) is one character and is stored as sent.
        server.admin().send("POST", entitiesPath(blueprint), "{\"identifier\": \"pair\", \"title\": \"a\\ud83d\\ude00b\"}").expect(201);
        assertThat(Fixtures.get(server, blueprint, "pair").path("title").asText()).isEqualTo("a\ud83d\ude00b");
    }

    private static void assertNothingCreatedBy(ApiServer server) {
        server.admin().get("/v1/teams/bad-team").expectError(404, "not_found");
        server.admin().get("/v1/users/bad@example.com").expectError(404, "not_found");
        server.admin().get("/v1/blueprints/bad_bp").expectError(404, "not_found");
    }

    @ApiTest
    void aCursorHidingANulCharacterIsRefusedWith400(ApiServer server) {
        String blueprint = catalog(server);
        String cursor = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("[\"" + blueprint + "\",\"a\\u0000b\"]").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ObjectNode body = (ObjectNode) ApiClient.json("{query: {combinator: 'and', rules: []}, limit: 1}");
        body.put("from", cursor);
        ApiResponse response = server.admin().post(entitiesPath(blueprint) + "/search", body);
        assertThat(response.status()).as(response.toString()).isIn(200, 400);
    }

    @ApiTest
    void numbersBeyondADoubleAndBrokenTextAreStoredOrRefusedCleanly(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "extreme", "{schema: {properties: {n: {type: 'number'}, s: {type: 'string'}, o: {type: 'object'}}}}");
        List<String> bodies = List.of(
                "{\"identifier\": \"big\", \"properties\": {\"n\": 1e999999999}}",
                "{\"identifier\": \"tiny\", \"properties\": {\"n\": -1e-999999999}}",
                "{\"identifier\": \"surrogate\", \"properties\": {\"s\": \"\\ud800\"}}",
                "{\"identifier\": \"nested-num\", \"properties\": {\"o\": {\"x\": 1e400}}}");
        for (String body : bodies) {
            ApiResponse response = server.admin().send("POST", entitiesPath(blueprint), body);
            assertThat(response.status()).as(response.toString()).isIn(201, 400, 413, 422);
            String identifier = ApiClient.json(body).path("identifier").asText();
            if (response.status() == 201) {
                JsonNode stored = Fixtures.get(server, blueprint, identifier);
                assertThat(stored.path("properties")).as(identifier).isEqualTo(response.get("entity").path("properties"));
                assertThat(server.admin().send("POST", entitiesPath(blueprint) + "?upsert=true", body).expect(200).get("entity")
                        .path("updatedAt")).as("unchanged %s", identifier).isEqualTo(stored.path("updatedAt"));
            } else {
                server.admin().get(entityPath(blueprint, identifier)).expectError(404, "not_found");
            }
        }
        ApiResponse search = server.admin().post(entitiesPath(blueprint) + "/search",
                "{query: {combinator: 'and', rules: [{property: 'n', operator: '>', value: 1e999999999}]}}");
        assertThat(search.status()).as(search.toString()).isIn(200, 400, 422);
    }

    @ApiTest
    void numbersBeyondADoubleAreRefusedWith422NamingTheProperty(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "range", "{schema: {properties: {n: {type: 'number'}, o: {type: 'object'}}}}");
        assertThat(server.admin().send("POST", entitiesPath(blueprint), "{\"identifier\": \"a\", \"properties\": {\"n\": 1e309}}")
                .expectError(422, "invalid_entity").detailPaths()).containsExactly("properties.n");
        assertThat(server.admin().send("POST", entitiesPath(blueprint), "{\"identifier\": \"a\", \"properties\": {\"o\": {\"x\": [1e-400]}}}")
                .expectError(422, "invalid_entity").detailPaths()).containsExactly("properties.o.x[0]");
        server.admin().send("POST", entitiesPath(blueprint), "{\"identifier\": \"a\", \"properties\": {\"n\": 1.7e308}}").expect(201);
        assertThat(Fixtures.count(server, blueprint)).isEqualTo(1);
    }

    @ApiTest
    void decimalNumbersAreReadBackExactlyAsWritten(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "decimals", "{schema: {properties: {n: {type: 'number'}, m: {type: 'number'}}}}");
        String body = "{\"identifier\": \"d\", \"properties\": {\"n\": 123456789012345678901234567890.123456789, \"m\": 1.10}}";
        JsonNode written = server.admin().send("POST", entitiesPath(blueprint), body).expect(201).get("entity");

        JsonNode read = Fixtures.get(server, blueprint, "d");

        assertThat(read.path("properties").path("n").decimalValue()).isEqualTo(new java.math.BigDecimal("123456789012345678901234567890.123456789"));
        assertThat(read.path("properties").path("m").toString()).isEqualTo("1.10");
        assertThat(read.path("properties")).isEqualTo(written.path("properties"));
    }

    private static ObjectNode rule(String property, String operator, JsonNode value) {
        ObjectNode rule = Json.object().put("property", property).put("operator", operator);
        rule.set("value", value);
        return rule;
    }

    private static List<String> search(ApiServer server, String blueprint, ObjectNode rule) {
        ObjectNode query = Json.object().put("combinator", "and");
        query.putArray("rules").add(rule);
        ObjectNode body = Json.object();
        body.set("query", query);
        return server.admin().post(entitiesPath(blueprint) + "/search", body).expect(200).identifiers().stream().sorted().toList();
    }
}
