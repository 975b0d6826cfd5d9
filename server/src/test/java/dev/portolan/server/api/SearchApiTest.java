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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /v1/blueprints/{id}/entities/search} and {@code POST /v1/entities/search}: every
 * operator, nesting, meta-properties, relatedTo, limits and paging, over a small catalog per test.
 */
class SearchApiTest {

    /** Services a, b, c, d (d has nothing set) in domains d1, d2. */
    private record Catalog(String domain, String service) {}

    private static Catalog catalog(ApiServer server) {
        String domain = Fixtures.blueprint(server, "domain");
        String service = Fixtures.blueprint(server, "service", """
                {schema: {properties: {name: {type: 'string'}, size: {type: 'number'}, active: {type: 'boolean'},
                                       tags: {type: 'array', items: {type: 'string'}}, deployedAt: {type: 'string', format: 'date-time'}}},
                 relations: {domain: {target: '%s'}}}""".formatted(domain));
        Fixtures.entities(server, domain, "{identifier: 'd1', title: 'Payments'}", "{identifier: 'd2', title: 'Search'}");
        Fixtures.entities(server, service,
                "{identifier: 'a', title: 'Alpha', team: ['red'], properties: {name: 'alpha', size: 1, active: true, tags: ['x', 'y'], deployedAt: '2024-01-01T00:00:00Z'}, relations: {domain: 'd1'}}",
                "{identifier: 'b', title: 'Beta', team: ['blue'], properties: {name: 'beta', size: 5, active: false, tags: ['y'], deployedAt: '2024-06-15T00:00:00Z'}, relations: {domain: 'd1'}}",
                "{identifier: 'c', title: 'Gamma', team: ['red', 'blue'], properties: {name: 'gamma', size: 10, active: true, tags: [], deployedAt: '2025-01-01T00:00:00Z'}, relations: {domain: 'd2'}}",
                "{identifier: 'd', title: 'Delta'}");
        return new Catalog(domain, service);
    }

    @ApiTest
    void comparisonOperators(ApiServer server) {
        Catalog catalog = catalog(server);
        String s = catalog.service();
        assertThat(search(server, s, "{property: 'name', operator: '=', value: 'alpha'}")).containsExactly("a");
        assertThat(search(server, s, "{property: 'name', operator: '!=', value: 'alpha'}")).containsExactly("b", "c", "d");
        assertThat(search(server, s, "{property: 'size', operator: '>', value: 1}")).containsExactly("b", "c");
        assertThat(search(server, s, "{property: 'size', operator: '>=', value: 5}")).containsExactly("b", "c");
        assertThat(search(server, s, "{property: 'size', operator: '<', value: 5}")).containsExactly("a");
        assertThat(search(server, s, "{property: 'size', operator: '<=', value: 5}")).containsExactly("a", "b");
        assertThat(search(server, s, "{property: 'active', operator: '=', value: true}")).containsExactly("a", "c");
        assertThat(search(server, s, "{property: 'active', operator: '=', value: false}")).containsExactly("b");
        assertThat(search(server, s, "{property: 'size', operator: '=', value: '5'}")).isEmpty();
        assertThat(search(server, s, "{property: 'deployedAt', operator: '>', value: '2024-03-01T00:00:00Z'}")).containsExactly("b", "c");
    }

    @ApiTest
    void rangeOperators(ApiServer server) {
        String s = catalog(server).service();
        String range = "{from: '2023-12-31T00:00:00Z', to: '2024-12-31T00:00:00Z'}";
        assertThat(search(server, s, "{property: 'deployedAt', operator: 'between', value: %s}".formatted(range))).containsExactly("a", "b");
        assertThat(search(server, s, "{property: 'deployedAt', operator: 'notBetween', value: %s}".formatted(range))).containsExactly("c", "d");
    }

    @ApiTest
    void textOperators(ApiServer server) {
        String s = catalog(server).service();
        assertThat(search(server, s, "{property: 'name', operator: 'contains', value: 'mm'}")).containsExactly("c");
        assertThat(search(server, s, "{property: 'name', operator: 'doesNotContains', value: 'a'}")).containsExactly("d");
        assertThat(search(server, s, "{property: 'name', operator: 'beginsWith', value: 'be'}")).containsExactly("b");
        assertThat(search(server, s, "{property: 'name', operator: 'doesNotBeginsWith', value: 'be'}")).containsExactly("a", "c", "d");
        assertThat(search(server, s, "{property: 'name', operator: 'endsWith', value: 'ma'}")).containsExactly("c");
        assertThat(search(server, s, "{property: 'name', operator: 'doesNotEndsWith', value: 'a'}")).containsExactly("d");
        assertThat(search(server, s, "{property: 'name', operator: 'contains', value: 'ALPHA'}")).isEmpty();
    }

    @ApiTest
    void listOperators(ApiServer server) {
        String s = catalog(server).service();
        assertThat(search(server, s, "{property: 'name', operator: 'in', value: ['alpha', 'gamma']}")).containsExactly("a", "c");
        assertThat(search(server, s, "{property: 'name', operator: 'notIn', value: ['alpha', 'gamma']}")).containsExactly("b", "d");
        assertThat(search(server, s, "{property: 'tags', operator: 'containsAny', value: ['x', 'z']}")).containsExactly("a");
        assertThat(search(server, s, "{property: 'name', operator: 'containsAny', value: ['alp', 'amm']}")).containsExactly("a", "c");
        assertThat(search(server, s, "{property: 'tags', operator: '=', value: 'y'}")).containsExactly("a", "b");
        assertThat(search(server, s, "{property: 'tags', operator: 'contains', value: 'x'}")).containsExactly("a");
    }

    @ApiTest
    void emptinessOperators(ApiServer server) {
        String s = catalog(server).service();
        assertThat(search(server, s, "{property: 'tags', operator: 'isEmpty'}")).containsExactly("c", "d");
        assertThat(search(server, s, "{property: 'tags', operator: 'isNotEmpty'}")).containsExactly("a", "b");
        assertThat(search(server, s, "{property: 'name', operator: 'isEmpty'}")).containsExactly("d");
        assertThat(search(server, s, "{property: 'domain', operator: 'isNotEmpty'}")).containsExactly("a", "b", "c");
    }

    @ApiTest
    void relationsCompareByTargetIdentifier(ApiServer server) {
        String s = catalog(server).service();
        assertThat(search(server, s, "{property: 'domain', operator: '=', value: 'd1'}")).containsExactly("a", "b");
        assertThat(search(server, s, "{property: 'domain', operator: 'in', value: ['d2']}")).containsExactly("c");
    }

    @ApiTest
    void nestedAndOrQueries(ApiServer server) {
        String s = catalog(server).service();
        assertThat(query(server, s, """
                {combinator: 'and', rules: [
                  {combinator: 'or', rules: [{property: 'name', operator: '=', value: 'alpha'}, {property: 'name', operator: '=', value: 'beta'}]},
                  {property: 'active', operator: '=', value: true}]}""")).containsExactly("a");
        assertThat(query(server, s, """
                {combinator: 'or', rules: [
                  {combinator: 'and', rules: [{property: 'size', operator: '>', value: 1}, {property: 'active', operator: '=', value: true}]},
                  {property: '$identifier', operator: '=', value: 'd'}]}""")).containsExactly("c", "d");
        assertThat(query(server, s, "{combinator: 'and', rules: []}")).containsExactly("a", "b", "c", "d");
    }

    @ApiTest
    void metaProperties(ApiServer server) {
        Catalog catalog = catalog(server);
        String s = catalog.service();
        assertThat(search(server, s, "{property: '$identifier', operator: '=', value: 'b'}")).containsExactly("b");
        assertThat(search(server, s, "{property: '$title', operator: 'beginsWith', value: 'G'}")).containsExactly("c");
        assertThat(search(server, s, "{property: '$title', operator: 'in', value: ['Alpha', 'Delta']}")).containsExactly("a", "d");
        assertThat(search(server, s, "{property: '$team', operator: '=', value: 'red'}")).containsExactly("a", "c");
        assertThat(search(server, s, "{property: '$team', operator: 'containsAny', value: ['blue']}")).containsExactly("b", "c");
        assertThat(search(server, s, "{property: '$team', operator: 'isEmpty'}")).containsExactly("d");
        assertThat(search(server, s, "{property: '$createdBy', operator: '=', value: '%s'}".formatted(ApiServer.ADMIN_CLIENT_ID)))
                .containsExactly("a", "b", "c", "d");
        assertThat(search(server, s, "{property: '$blueprint', operator: '=', value: '%s'}".formatted(s))).hasSize(4);

        Instant created = Instant.parse(Fixtures.get(server, s, "a").path("createdAt").asText());
        String from = created.minus(Duration.ofDays(1)).toString();
        String to = created.plus(Duration.ofDays(1)).toString();
        assertThat(search(server, s, "{property: '$createdAt', operator: 'between', value: {from: '%s', to: '%s'}}".formatted(from, to)))
                .containsExactly("a", "b", "c", "d");
        assertThat(search(server, s, "{property: '$createdAt', operator: '>', value: '%s'}".formatted(to))).isEmpty();
        assertThat(search(server, s, "{property: '$updatedAt', operator: '>=', value: '%s'}".formatted(from))).hasSize(4);
        assertThat(search(server, s, "{property: '$createdAt', operator: 'between', value: {preset: 'lastWeek'}}")).hasSize(4);
    }

    @ApiTest
    void relatedToFollowsRelationsInTheGivenDirection(ApiServer server) {
        Catalog catalog = catalog(server);
        String related = "{operator: 'relatedTo', blueprint: '%s', value: '%s'%s}";
        assertThat(search(server, catalog.service(), related.formatted(catalog.domain(), "d1", ", direction: 'downstream'")))
                .containsExactly("a", "b");
        assertThat(search(server, catalog.service(), related.formatted(catalog.domain(), "d1", ", direction: 'upstream'"))).isEmpty();
        assertThat(globalSearch(server, related.formatted(catalog.service(), "a", ", direction: 'upstream'"))).containsExactly("d1");
        assertThat(globalSearch(server, related.formatted(catalog.domain(), "d1", ""))).containsExactly("a", "b");
        assertThat(globalSearch(server, related.formatted(catalog.domain(), "d1", ", required: true"))).isEmpty();
        assertThat(search(server, catalog.service(), related.formatted(catalog.domain(), "nope", ""))).isEmpty();
    }

    @ApiTest
    void searchesAcrossBlueprintsAndNamesTheMatchingOnes(ApiServer server) {
        Catalog catalog = catalog(server);
        ApiResponse response = server.admin().post("/v1/entities/search", """
                {combinator: 'or', rules: [{property: '$identifier', operator: '=', value: 'd1'},
                                           {property: '$identifier', operator: '=', value: 'a'}]}""").expect(200);
        List<String> matchingBlueprints = new ArrayList<>();
        response.get("matchingBlueprints").forEach(b -> matchingBlueprints.add(b.asText()));
        assertThat(matchingBlueprints).contains(catalog.domain(), catalog.service());

        ApiResponse wrapped = server.admin().post("/v1/entities/search", """
                {query: {combinator: 'and', rules: [{property: '$blueprint', operator: '=', value: '%s'}]}, limit: 1}"""
                .formatted(catalog.domain())).expect(200);
        assertThat(wrapped.identifiers()).containsExactly("d1");
        assertThat(wrapped.get("next").isTextual()).isTrue();
    }

    @ApiTest
    void appliesIncludeAndExcludeToResults(ApiServer server) {
        String s = catalog(server).service();
        JsonNode included = server.admin().post("/v1/blueprints/" + s + "/entities/search",
                "{query: {combinator: 'and', rules: [{property: '$identifier', operator: '=', value: 'a'}]}, include: ['identifier', 'properties.size']}")
                .expect(200).get("entities").get(0);
        assertThat(included).isEqualTo(ApiClient.json("{identifier: 'a', properties: {size: 1}}"));

        JsonNode excluded = server.admin().post("/v1/blueprints/" + s + "/entities/search",
                "{query: {combinator: 'and', rules: [{property: '$identifier', operator: '=', value: 'a'}]}, exclude: ['properties', 'relations']}")
                .expect(200).get("entities").get(0);
        assertThat(excluded.has("properties")).isFalse();
        assertThat(excluded.has("relations")).isFalse();
        assertThat(excluded.path("identifier").asText()).isEqualTo("a");
    }

    @ApiTest
    void refusesALimitOutside1To1000With400(ApiServer server) {
        String s = catalog(server).service();
        String path = "/v1/blueprints/" + s + "/entities/search";
        String query = "{combinator: 'and', rules: []}";
        server.admin().post(path, "{query: %s, limit: 0}".formatted(query)).expect(400);
        server.admin().post(path, "{query: %s, limit: 1001}".formatted(query)).expect(400);
        server.admin().post(path, "{query: %s, limit: -1}".formatted(query)).expect(400);
        server.admin().post(path, "{query: %s, limit: 'ten'}".formatted(query)).expect(400);
        server.admin().post(path, "{query: %s, limit: 2.5}".formatted(query)).expect(400);
        server.admin().post(path + "?limit=0", "{query: %s}".formatted(query)).expect(400);
        server.admin().post("/v1/entities/search?limit=1001", query).expect(400);
        server.admin().post("/v1/entities/search?limit=abc", query).expect(400);
        assertThat(server.admin().post(path, "{query: %s, limit: 1000}".formatted(query)).expect(200).identifiers()).hasSize(4);
        assertThat(server.admin().post(path, "{query: %s, limit: 1}".formatted(query)).expect(200).identifiers()).hasSize(1);
    }

    @ApiTest
    void pagesThroughResultsWithNextAndFromWithoutDuplicatesOrGaps(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "paged", "{schema: {properties: {n: {type: 'number'}}}}");
        StringBuilder entities = new StringBuilder();
        for (int i = 0; i < 25; i++) entities.append(i == 0 ? "" : ",").append("{identifier: 'p%02d', properties: {n: %d}}".formatted(i, i));
        server.admin().post(Fixtures.entitiesPath(blueprint) + "/bulk", "{entities: [" + entities + "]}").expect(200);
        String query = "{combinator: 'and', rules: [{property: 'n', operator: '>=', value: 0}]}";

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String from = null;
        do {
            ObjectNode body = (ObjectNode) ApiClient.json("{query: %s, limit: 10}".formatted(query));
            if (from != null) body.put("from", from);
            ApiResponse page = server.admin().post("/v1/blueprints/" + blueprint + "/entities/search", body).expect(200);
            seen.addAll(page.identifiers());
            pageSizes.add(page.identifiers().size());
            from = page.get("next").isTextual() ? page.get("next").asText() : null;
        } while (from != null && pageSizes.size() < 10);

        assertThat(pageSizes).containsExactly(10, 10, 5);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(expectedIds(25));

        // The same through the cross-blueprint endpoint, with the cursor as a query parameter.
        List<String> global = new ArrayList<>();
        String next = null;
        String globalQuery = "{combinator: 'and', rules: [{property: '$blueprint', operator: '=', value: '%s'}]}".formatted(blueprint);
        int pages = 0;
        do {
            ApiResponse page = server.admin().post("/v1/entities/search?limit=7" + (next == null ? "" : "&from=" + ApiClient.encode(next)),
                    globalQuery).expect(200);
            global.addAll(page.identifiers());
            next = page.get("next").isTextual() ? page.get("next").asText() : null;
            pages++;
        } while (next != null && pages < 10);
        assertThat(pages).isEqualTo(4);
        assertThat(global).hasSize(25).doesNotHaveDuplicates();
    }

    @ApiTest
    void refusesAMalformedCursorWith400(ApiServer server) {
        String s = catalog(server).service();
        String notACursor = Base64.getUrlEncoder().encodeToString("{\"x\":1}".getBytes(StandardCharsets.UTF_8));
        for (String from : List.of("garbage!!", "%%%", notACursor, "", "W10")) {
            ObjectNode body = (ObjectNode) ApiClient.json("{query: {combinator: 'and', rules: []}}");
            body.put("from", from);
            ApiResponse response = server.admin().post("/v1/blueprints/" + s + "/entities/search", body);
            if (!from.isEmpty()) {
                response.expect(400);
            }
        }
        server.admin().post("/v1/entities/search?from=garbage", "{combinator: 'and', rules: []}").expect(400);
    }

    @ApiTest
    void refusesAMalformedQueryNamingTheRule(ApiServer server) {
        String s = catalog(server).service();
        String path = "/v1/blueprints/" + s + "/entities/search";
        assertThat(server.admin().post(path, "{query: {combinator: 'and', rules: [{property: 'name', operator: 'like', value: 'a'}]}}")
                .expectError(422, "invalid_search_query").detailPaths()).containsExactly("rules[0].operator");
        assertThat(server.admin().post(path, "{query: {combinator: 'xor', rules: []}}")
                .expectError(422, "invalid_search_query").detailPaths()).containsExactly("combinator");
        assertThat(server.admin().post(path, "{query: {combinator: 'and', rules: [{property: '$nope', operator: '=', value: 1}]}}")
                .expectError(422, "invalid_search_query").detailPaths()).containsExactly("rules[0].property");
        assertThat(server.admin().post(path, "{query: {combinator: 'and', rules: [{property: 'name', operator: 'in', value: 'a'}]}}")
                .expectError(422, "invalid_search_query").detailPaths()).containsExactly("rules[0].value");
        assertThat(server.admin().post(path, "{query: {combinator: 'and', rules: [{property: 'deployedAt', operator: 'between', value: {from: 'x', to: 'y'}}]}}")
                .expectError(422, "invalid_search_query").detailPaths()).containsExactly("rules[0].value.from", "rules[0].value.to");
        assertThat(server.admin().post(path, "{query: {combinator: 'and', rules: [{operator: 'relatedTo', blueprint: 'x', value: 'y', direction: 'sideways'}]}}")
                .expectError(422, "invalid_search_query").detailPaths()).containsExactly("rules[0].direction");
        server.admin().post(path, "[1, 2]").expect(400);
    }

    @ApiTest
    void aPropertyNoBlueprintHasMatchesNothing(ApiServer server) {
        String s = catalog(server).service();
        assertThat(search(server, s, "{property: 'nothere', operator: '=', value: 'x'}")).isEmpty();
        assertThat(search(server, s, "{property: 'nothere', operator: '!=', value: 'x'}")).hasSize(4);
    }

    @ApiTest
    void searchingAMissingBlueprintIs404(ApiServer server) {
        server.admin().post("/v1/blueprints/no_such_blueprint/entities/search", "{query: {combinator: 'and', rules: []}}")
                .expectError(404, "not_found");
    }

    @ApiTest
    void moreMetaProperties(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "meta");
        Fixtures.entities(server, blueprint, "{identifier: 'with-icon', icon: 'GitHub'}", "{identifier: 'plain'}");
        ApiServer.Caller member = server.newCaller("member");
        member.client().patch(Fixtures.entityPath(blueprint, "plain"), "{title: 'changed by a member'}").expect(200);

        assertThat(search(server, blueprint, "{property: '$icon', operator: '=', value: 'GitHub'}")).containsExactly("with-icon");
        assertThat(search(server, blueprint, "{property: '$icon', operator: 'isEmpty'}")).containsExactly("plain");
        assertThat(search(server, blueprint, "{property: '$updatedBy', operator: '=', value: '%s'}".formatted(member.clientId())))
                .containsExactly("plain");
        assertThat(search(server, blueprint, "{property: '$createdBy', operator: '=', value: '%s'}".formatted(member.clientId()))).isEmpty();
        assertThat(search(server, blueprint, "{property: '$datasource', operator: 'isEmpty'}")).containsExactly("plain", "with-icon");
    }

    @ApiTest
    void aNameThatIsARelationInOneBlueprintAndAPropertyInAnotherIsSearchedAsEach(ApiServer server) {
        String team = Fixtures.blueprint(server, "team");
        String service = Fixtures.blueprint(server, "service", "{relations: {owner: {target: '%s'}}}".formatted(team));
        String repo = Fixtures.blueprint(server, "repo", "{schema: {properties: {owner: {type: 'string'}}}}");
        Fixtures.entities(server, team, "{identifier: 'red'}", "{identifier: 'blue'}");
        Fixtures.entities(server, service, "{identifier: 's-red', relations: {owner: 'red'}}", "{identifier: 's-blue', relations: {owner: 'blue'}}");
        Fixtures.entities(server, repo, "{identifier: 'r-red', properties: {owner: 'red'}}", "{identifier: 'r-none'}");

        assertThat(globalSearch(server, "{property: 'owner', operator: '=', value: 'red'}")).containsExactlyInAnyOrder("s-red", "r-red");
        assertThat(globalSearch(server, "{property: 'owner', operator: 'isEmpty'}")).contains("r-none").doesNotContain("s-red", "s-blue", "r-red");
    }

    @ApiTest
    void pagesAcrossBlueprintsWithoutDuplicatesOrGaps(ApiServer server) {
        String first = Fixtures.blueprint(server, "pagea");
        String second = Fixtures.blueprint(server, "pageb");
        Fixtures.entities(server, first, "{identifier: 'x1', title: 'paged-across'}", "{identifier: 'x2', title: 'paged-across'}",
                "{identifier: 'x3', title: 'paged-across'}");
        Fixtures.entities(server, second, "{identifier: 'x1', title: 'paged-across'}", "{identifier: 'x2', title: 'paged-across'}");
        String query = "{combinator: 'and', rules: [{property: '$title', operator: '=', value: 'paged-across'}]}";

        List<String> seen = new ArrayList<>();
        String from = null;
        int pages = 0;
        do {
            ObjectNode body = (ObjectNode) ApiClient.json("{query: %s, limit: 2}".formatted(query));
            if (from != null) body.put("from", from);
            ApiResponse page = server.admin().post("/v1/entities/search", body).expect(200);
            page.get("entities").forEach(e -> seen.add(e.path("blueprint").asText() + "/" + e.path("identifier").asText()));
            from = page.get("next").isTextual() ? page.get("next").asText() : null;
            pages++;
        } while (from != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrder(first + "/x1", first + "/x2", first + "/x3", second + "/x1", second + "/x2");
    }

    @ApiTest
    void relatedToWithRequiredFollowsOnlyRequiredRelations(ApiServer server) {
        String domain = Fixtures.blueprint(server, "domain");
        String service = Fixtures.blueprint(server, "service", """
                {relations: {domain: {target: '%s', required: true}, backup: {target: '%s'}}}""".formatted(domain, domain));
        Fixtures.entities(server, domain, "{identifier: 'd1'}", "{identifier: 'd2'}");
        Fixtures.entities(server, service, "{identifier: 'owned', relations: {domain: 'd1'}}",
                "{identifier: 'backed-up', relations: {domain: 'd2', backup: 'd1'}}");
        String rule = "{operator: 'relatedTo', blueprint: '%s', value: 'd1', direction: 'downstream'%s}";

        assertThat(search(server, service, rule.formatted(domain, ""))).containsExactly("backed-up", "owned");
        assertThat(search(server, service, rule.formatted(domain, ", required: true"))).containsExactly("owned");
    }

    @ApiTest
    void identifiersAreCaseSensitiveAndPageInOneConsistentOrder(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "cased");
        List<String> ids = List.of("a", "A", "b", "B", "Z", "z", "Ä", "ä", "_x", "-y", "0", "ß", "日本", "a.b", "a-b", "a_b");
        ArrayNode entities = Json.array();
        ids.forEach(id -> entities.addObject().put("identifier", id));
        server.admin().post(Fixtures.entitiesPath(blueprint) + "/bulk", Json.object().set("entities", entities)).expect(200);

        assertThat(Fixtures.count(server, blueprint)).isEqualTo(ids.size());
        assertThat(search(server, blueprint, "{property: '$identifier', operator: '=', value: 'a'}")).containsExactly("a");
        assertThat(search(server, blueprint, "{property: '$identifier', operator: 'beginsWith', value: 'A'}")).containsExactly("A");

        List<String> all = query(server, blueprint, "{combinator: 'and', rules: []}");
        List<String> paged = new ArrayList<>();
        String from = null;
        int pages = 0;
        do {
            ObjectNode body = (ObjectNode) ApiClient.json("{query: {combinator: 'and', rules: []}, limit: 3}");
            if (from != null) body.put("from", from);
            ApiResponse page = server.admin().post("/v1/blueprints/" + blueprint + "/entities/search", body).expect(200);
            paged.addAll(page.identifiers());
            from = page.get("next").isTextual() ? page.get("next").asText() : null;
            pages++;
        } while (from != null && pages < 20);
        assertThat(paged).containsExactlyElementsOf(all);
        assertThat(paged).containsExactlyInAnyOrderElementsOf(ids);
    }

    @ApiTest
    void findsAnEntityByTheExactCreatedAtTheApiReturned(ApiServer server) {
        String blueprint = Fixtures.blueprint(server, "stamped");
        Fixtures.entities(server, blueprint, "{identifier: 'a'}");
        JsonNode a = Fixtures.get(server, blueprint, "a");

        assertThat(search(server, blueprint, "{property: '$createdAt', operator: '=', value: '%s'}".formatted(a.path("createdAt").asText())))
                .containsExactly("a");
        assertThat(search(server, blueprint, "{property: '$updatedAt', operator: '<=', value: '%s'}".formatted(a.path("updatedAt").asText())))
                .containsExactly("a");
        assertThat(search(server, blueprint, "{property: '$updatedAt', operator: '<', value: '%s'}".formatted(a.path("updatedAt").asText())))
                .isEmpty();
    }

    @ApiTest
    void emptyListsMatchNothingOrEverything(ApiServer server) {
        String s = catalog(server).service();
        assertThat(search(server, s, "{property: 'name', operator: 'in', value: []}")).isEmpty();
        assertThat(search(server, s, "{property: 'name', operator: 'notIn', value: []}")).containsExactly("a", "b", "c", "d");
        assertThat(search(server, s, "{property: 'tags', operator: 'containsAny', value: []}")).isEmpty();
        assertThat(search(server, s, "{property: '$identifier', operator: 'in', value: []}")).isEmpty();
    }

    @ApiTest
    void aMalformedDateInAMetaPropertyRuleIsA4xx(ApiServer server) {
        String s = catalog(server).service();
        ApiResponse response = server.admin().post("/v1/blueprints/" + s + "/entities/search",
                "{query: {combinator: 'and', rules: [{property: '$createdAt', operator: '>', value: 'yesterday'}]}}");
        assertThat(response.status()).as(response.toString()).isIn(400, 422);
    }

    @ApiTest
    void oddButValidNamesWorkForWritesSearchesAndSchemaChanges(ApiServer server) {
        String longA = "p".repeat(100);
        String longB = "p".repeat(99) + "q";
        List<String> properties = List.of("select", "ORDER", "from", "a-b", "@at", "_", longA, longB);
        String blueprint = dev.portolan.server.testing.Ids.unique("@Odd-Name");
        ObjectNode definition = Json.object().put("identifier", blueprint);
        ObjectNode schema = definition.putObject("schema").putObject("properties");
        properties.forEach(p -> schema.putObject(p).put("type", "string"));
        server.admin().post("/v1/blueprints", definition).expect(201);
        ObjectNode entity = Json.object().put("identifier", "e");
        ObjectNode values = entity.putObject("properties");
        properties.forEach(p -> values.put(p, "v-" + p));
        server.admin().post(Fixtures.entitiesPath(blueprint), entity).expect(201);
        Fixtures.entity(server, blueprint, "{identifier: 'other'}");

        for (String property : properties) {
            ObjectNode rule = Json.object().put("property", property).put("operator", "=").put("value", "v-" + property);
            ObjectNode body = Json.object();
            body.set("query", Json.object().put("combinator", "and").set("rules", Json.array().add(rule)));
            assertThat(server.admin().post("/v1/blueprints/" + blueprint + "/entities/search", body).expect(200).identifiers())
                    .as(property).containsExactly("e");
        }
        ObjectNode patch = Json.object();
        patch.putObject("schema").putObject("properties").putNull(longA).putObject("select").put("type", "number");
        server.admin().patch("/v1/blueprints/" + blueprint, patch).expect(200);
        assertThat(search(server, blueprint, "{property: 'ORDER', operator: '=', value: 'v-ORDER'}")).containsExactly("e");
        server.admin().delete("/v1/blueprints/" + blueprint + "?delete_entities=true").expect(200);
        server.admin().post("/v1/blueprints", definition).expect(201);
        assertThat(Fixtures.count(server, blueprint)).isZero();
    }

    private static Set<String> expectedIds(int count) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < count; i++) ids.add("p%02d".formatted(i));
        return ids;
    }

    /** Identifiers matching one rule in {@code blueprint}, in the search's order. */
    static List<String> search(ApiServer server, String blueprint, String rule) {
        return query(server, blueprint, "{combinator: 'and', rules: [%s]}".formatted(rule));
    }

    static List<String> query(ApiServer server, String blueprint, String query) {
        ObjectNode body = Json.object();
        body.set("query", ApiClient.json(query));
        return server.admin().post("/v1/blueprints/" + blueprint + "/entities/search", body).expect(200).identifiers();
    }

    static List<String> globalSearch(ApiServer server, String rule) {
        return server.admin().post("/v1/entities/search", "{combinator: 'and', rules: [%s]}".formatted(rule)).expect(200).identifiers();
    }
}
