package dev.portolan.sync.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.client.FakeCatalogServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpCatalogClientTest {

    private static final String BULK = "POST /v1/blueprints/service/entities/bulk";
    private static final String SEARCH = "POST /v1/entities/search";
    private static final IngestOptions OPTIONS = new IngestOptions(true, false);

    private final FakeCatalogServer catalog = new FakeCatalogServer();
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));

    @AfterEach
    void stop() {
        catalog.close();
    }

    private HttpCatalogClient client() {
        return new HttpCatalogClient(api(catalog.url()), "my-integration");
    }

    private CatalogApi api(URI url) {
        return new CatalogApi(url, "client", "secret", new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30),
                Duration.ofMinutes(10)), sleeps::add, clock);
    }

    private static List<ObjectNode> entities(String... identifiers) {
        List<ObjectNode> list = new ArrayList<>();
        for (String id : identifiers) list.add(Json.object().put("identifier", id).put("title", id));
        return list;
    }

    private static Reply allWritten() {
        return Reply.json(200, "{\"ok\":true,\"entities\":[{\"identifier\":\"a\",\"index\":0,\"status\":\"created\",\"created\":true}],\"errors\":[]}");
    }

    @Test
    void sendsTheTokenAndTheIntegrationHeaderWithEveryWrite() {
        catalog.script(BULK, allWritten());
        HttpCatalogClient client = client();

        client.upsert("service", entities("a"), OPTIONS);
        client.upsert("service", entities("a"), OPTIONS);

        assertThat(catalog.tokensIssued()).isEqualTo(1);
        assertThat(catalog.requests(BULK)).hasSize(2).allSatisfy(r -> {
            assertThat(r.header("Authorization")).isEqualTo("Bearer token-1");
            assertThat(r.header("X-Portolan-Integration")).isEqualTo("my-integration");
            assertThat(r.query()).isEqualTo("upsert=true&merge=true&create_missing_related_entities=false");
        });
        assertThat(catalog.requests("POST /v1/auth/access_token").getFirst().body())
                .isEqualTo(Json.parse("{\"clientId\":\"client\",\"clientSecret\":\"secret\"}"));
    }

    @Test
    void readsA207BulkResponseIntoResultsInRequestOrder() {
        catalog.script(BULK, Reply.json(207, """
                {"ok": true,
                 "entities": [{"identifier": "a", "index": 0, "status": "created", "created": true},
                              {"identifier": "c", "index": 2, "status": "unchanged", "created": false},
                              {"identifier": "e", "index": 4, "status": "updated", "created": false}],
                 "errors": [{"identifier": "b", "index": 1, "statusCode": 404, "error": "not_found",
                             "message": "Related entity 'team/x' does not exist",
                             "details": [{"path": "relations.owner", "message": "no entity 'x' of blueprint 'team'"}]},
                            {"identifier": "d", "index": 3, "statusCode": 422, "error": "invalid_entity",
                             "message": "The entity is invalid: properties.url: must be a string",
                             "details": [{"path": "properties.url", "message": "must be a string"}]}]}
                """));

        List<IngestResult> results = client().upsert("service", entities("a", "b", "c", "d", "e"), OPTIONS);

        assertThat(results).extracting(IngestResult::identifier).containsExactly("a", "b", "c", "d", "e");
        assertThat(results).extracting(IngestResult::status).containsExactly(IngestResult.Status.CREATED,
                IngestResult.Status.FAILED, IngestResult.Status.UNCHANGED, IngestResult.Status.FAILED, IngestResult.Status.UPDATED);
        assertThat(results.get(1).missingRelatedEntity()).isTrue();
        assertThat(results.get(3).missingRelatedEntity()).isFalse();
        assertThat(results.get(3).error()).contains("properties.url: must be a string");
    }

    @Test
    void aMissingBlueprintFailsEveryEntityWithTheCatalogsMessage() {
        catalog.script(BULK, Reply.json(404, "{\"ok\":false,\"error\":\"not_found\",\"message\":\"Blueprint 'service' not found\"}"));

        List<IngestResult> results = client().upsert("service", entities("a", "b"), OPTIONS);

        assertThat(results).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(IngestResult.Status.FAILED);
            assertThat(r.missingRelatedEntity()).isFalse();
            assertThat(r.error()).isEqualTo("Blueprint 'service' not found");
        });
    }

    @Test
    void splitsABatchTheCatalogFindsTooLarge() {
        catalog.on(BULK, r -> r.body().get("entities").size() > 1
                ? Reply.json(413, "{\"ok\":false,\"error\":\"payload_too_large\",\"message\":\"too large\"}")
                : Reply.json(200, "{\"ok\":true,\"entities\":[{\"identifier\":\"" + r.body().at("/entities/0/identifier").asText()
                        + "\",\"index\":0,\"status\":\"created\"}],\"errors\":[]}"));

        List<IngestResult> results = client().upsert("service", entities("a", "b", "c"), OPTIONS);

        assertThat(results).extracting(IngestResult::identifier).containsExactly("a", "b", "c");
        assertThat(results).extracting(IngestResult::status).containsOnly(IngestResult.Status.CREATED);
    }

    @Test
    void waitsAsRetryAfterSaysWhenRateLimited() {
        catalog.script(BULK, Reply.json(429, "{\"ok\":false,\"error\":\"too_many_requests\",\"message\":\"slow down\"}")
                .withHeader("Retry-After", "7"), allWritten());

        List<IngestResult> results = client().upsert("service", entities("a"), OPTIONS);

        assertThat(results.getFirst().status()).isEqualTo(IngestResult.Status.CREATED);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void readsRetryAfterGivenAsAnHttpDate() {
        String in30Seconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(clock.instant().plusSeconds(30), ZoneOffset.UTC));
        catalog.script(BULK, Reply.json(429, "").withHeader("Retry-After", in30Seconds), allWritten());

        client().upsert("service", entities("a"), OPTIONS);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void retriesServerErrorsWithGrowingBackoffThenSucceeds() {
        catalog.script(BULK, Reply.json(503, ""), Reply.json(502, "<html>bad gateway</html>"), allWritten());

        List<IngestResult> results = client().upsert("service", entities("a"), OPTIONS);

        assertThat(results.getFirst().status()).isEqualTo(IngestResult.Status.CREATED);
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void givesUpAfterTheBoundedNumberOfAttempts() {
        catalog.script(BULK, Reply.json(500, "{\"ok\":false,\"error\":\"internal_error\",\"message\":\"boom\"}"));

        assertThatThrownBy(() -> client().upsert("service", entities("a"), OPTIONS))
                .isInstanceOfSatisfying(CatalogApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.retriable()).isTrue();
                    assertThat(e.getMessage()).contains("boom");
                });
        assertThat(catalog.requests(BULK)).hasSize(4);
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void retriesConnectionErrorsThenSaysTheCatalogIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpCatalogClient client = new HttpCatalogClient(api(URI.create("http://127.0.0.1:" + closedPort)), "my-integration");

        assertThatThrownBy(() -> client.upsert("service", entities("a"), OPTIONS))
                .isInstanceOfSatisfying(CatalogApiException.class, e -> {
                    assertThat(e.error()).isEqualTo("unreachable");
                    assertThat(e.retriable()).isTrue();
                    assertThat(e.getMessage()).contains("--catalog-url");
                });
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void renewsTheTokenOnceWhenTheCatalogRefusesIt() {
        catalog.script(BULK, Reply.json(401, "{\"ok\":false,\"error\":\"unauthorized\",\"message\":\"expired\"}"), allWritten());

        List<IngestResult> results = client().upsert("service", entities("a"), OPTIONS);

        assertThat(results.getFirst().status()).isEqualTo(IngestResult.Status.CREATED);
        assertThat(catalog.tokensIssued()).isEqualTo(2);
        assertThat(catalog.requests(BULK)).extracting(r -> r.header("Authorization")).containsExactly("Bearer token-1", "Bearer token-2");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void failsFastWhenTheTokenIsRefusedEvenAfterRenewal() {
        catalog.script(BULK, Reply.json(401, "{\"ok\":false,\"error\":\"unauthorized\",\"message\":\"no such credential\"}"));

        assertThatThrownBy(() -> client().upsert("service", entities("a"), OPTIONS))
                .isInstanceOfSatisfying(CatalogApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.retriable()).isFalse();
                    assertThat(e.getMessage()).contains("client 'client'").contains("no such credential");
                });
        assertThat(catalog.requests(BULK)).hasSize(2);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void failsFastWhenTheClientSecretIsWrong() {
        catalog.script("POST /v1/auth/access_token",
                Reply.json(401, "{\"ok\":false,\"error\":\"unauthorized\",\"message\":\"Unknown client id or wrong client secret\"}"));

        assertThatThrownBy(() -> client().upsert("service", entities("a"), OPTIONS))
                .isInstanceOfSatisfying(CatalogApiException.class, e -> {
                    assertThat(e.retriable()).isFalse();
                    assertThat(e.getMessage()).contains("--client-secret").contains("wrong client secret");
                });
        assertThat(catalog.requests(BULK)).isEmpty();
    }

    @Test
    void failsFastOnAForbiddenWriteSayingWhatCredentialItNeeds() {
        catalog.script(BULK, Reply.json(403, "{\"ok\":false,\"error\":\"forbidden\",\"message\":\"needs an admin credential\"}"));

        assertThatThrownBy(() -> client().upsert("service", entities("a"), OPTIONS))
                .isInstanceOfSatisfying(CatalogApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.retriable()).isFalse();
                    assertThat(e.getMessage()).contains("admin credential");
                });
        assertThat(catalog.requests(BULK)).hasSize(1);
    }

    @Test
    void renewsTheTokenShortlyBeforeItExpires() {
        catalog.tokenLife(600);
        catalog.script(BULK, allWritten());
        HttpCatalogClient client = client();

        client.upsert("service", entities("a"), OPTIONS);
        clock.advance(Duration.ofMinutes(8));
        client.upsert("service", entities("a"), OPTIONS);
        clock.advance(Duration.ofMinutes(1));
        client.upsert("service", entities("a"), OPTIONS);

        assertThat(catalog.requests(BULK)).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-2");
    }

    @Test
    void pagesThroughTheEntitiesItOwnsWithTheCursor() {
        catalog.script(SEARCH, Reply.json(200, """
                {"ok": true, "entities": [{"identifier": "a", "blueprint": "service", "updatedAt": "2026-01-01T09:00:00Z"},
                                          {"identifier": "b", "blueprint": "team", "updatedAt": "2026-01-01T09:30:00Z"}],
                 "next": "cursor-2"}
                """), Reply.json(200, """
                {"ok": true, "entities": [{"identifier": "c", "blueprint": "service", "updatedAt": "2026-01-01T09:45:00Z"}]}
                """));
        HttpCatalogClient client = client();

        OwnedPage first = client.ownedEntities("my-integration", null, 2);
        OwnedPage second = client.ownedEntities("my-integration", first.next(), 2);

        assertThat(first.entities()).containsExactly(new OwnedEntity("service", "a", Instant.parse("2026-01-01T09:00:00Z")),
                new OwnedEntity("team", "b", Instant.parse("2026-01-01T09:30:00Z")));
        assertThat(first.next()).isEqualTo("cursor-2");
        assertThat(second.entities()).extracting(OwnedEntity::identifier).containsExactly("c");
        assertThat(second.next()).isNull();
        List<FakeCatalogServer.Request> searches = catalog.requests(SEARCH);
        assertThat(searches.getFirst().body()).isEqualTo(Json.parse("""
                {"query": {"combinator": "and", "rules": [{"property": "$datasource", "operator": "=", "value": "my-integration"}]},
                 "include": ["identifier", "blueprint", "updatedAt"], "limit": 2}
                """));
        assertThat(searches.get(1).body().get("from").asText()).isEqualTo("cursor-2");
    }

    @Test
    void findsIdentifiersInOneBlueprintOrInAll() {
        Reply found = Reply.json(200, "{\"ok\":true,\"entities\":[{\"identifier\":\"x\"},{\"identifier\":\"y\"}]}");
        catalog.script("POST /v1/blueprints/team/entities/search", found).script(SEARCH, found);
        var query = Json.parse("{\"combinator\":\"and\",\"rules\":[{\"property\":\"$title\",\"operator\":\"=\",\"value\":\"X\"}]}");
        HttpCatalogClient client = client();

        assertThat(client.findIdentifiers("team", query, 5000)).containsExactly("x", "y");
        assertThat(client.findIdentifiers(null, query, 10)).containsExactly("x", "y");
        var inTeam = catalog.requests("POST /v1/blueprints/team/entities/search").getFirst().body();
        assertThat(inTeam.get("query")).isEqualTo(query);
        assertThat(inTeam.get("include")).isEqualTo(Json.parse("[\"identifier\"]"));
        assertThat(inTeam.get("limit").asInt()).isEqualTo(1000);
    }

    @Test
    void deletesOneByOneWhenTheBatchIsRefused() {
        String route = "POST /v1/blueprints/service/bulk/entities/delete";
        catalog.on(route, r -> switch (r.body().get("entities").size() > 1 ? "batch" : r.body().at("/entities/0").asText()) {
            case "a" -> Reply.json(200, "{\"ok\":true,\"deletedEntities\":[\"a\"]}");
            case "b" -> Reply.json(404, "{\"ok\":false,\"error\":\"not_found\",\"message\":\"gone already\"}");
            default -> Reply.json(409, "{\"ok\":false,\"error\":\"has_dependents\",\"message\":\"required by team/x\"}");
        });

        DeleteResult result = client().delete("service", List.of("a", "b", "c"), false);

        assertThat(result.deleted()).isEqualTo(1);
        assertThat(result.errors()).containsExactly("service/c: required by team/x");
        assertThat(catalog.requests(route)).hasSize(4).allSatisfy(r -> {
            assertThat(r.query()).isEqualTo("delete_dependents=false");
            assertThat(r.header("X-Portolan-Integration")).isEqualTo("my-integration");
        });
    }

    @Test
    void createsMissingBlueprintsBareFirstThenCompletesThem() {
        catalog.script("GET /v1/blueprints/service", Reply.json(404, "{\"ok\":false,\"error\":\"not_found\",\"message\":\"no\"}"))
                .script("GET /v1/blueprints/team", Reply.json(404, "{\"ok\":false,\"error\":\"not_found\",\"message\":\"no\"}"))
                .script("GET /v1/blueprints/existing", Reply.json(200, "{\"ok\":true,\"blueprint\":{\"identifier\":\"existing\"}}"))
                .script("POST /v1/blueprints", Reply.json(201, "{\"ok\":true}"))
                .script("PUT /v1/blueprints/service", Reply.json(200, "{\"ok\":true}"))
                .script("PUT /v1/blueprints/team", Reply.json(200, "{\"ok\":true}"));
        ObjectNode service = (ObjectNode) Json.parse("""
                {"identifier": "service", "schema": {"properties": {}}, "relations": {"team": {"target": "team", "many": false}}}
                """);
        ObjectNode team = (ObjectNode) Json.parse("""
                {"identifier": "team", "schema": {"properties": {}}, "relations": {"services": {"target": "service", "many": true}}}
                """);
        ObjectNode existing = (ObjectNode) Json.parse("{\"identifier\": \"existing\"}");

        List<String> created = client().createMissingBlueprints(List.of(service, existing, team));

        assertThat(created).containsExactly("service", "team");
        assertThat(catalog.requests("POST /v1/blueprints")).extracting(r -> r.body().get("identifier").asText()).containsExactly("service", "team");
        assertThat(catalog.requests("POST /v1/blueprints")).allSatisfy(r -> assertThat(r.body().has("relations")).isFalse());
        assertThat(catalog.requests("PUT /v1/blueprints/service").getFirst().body()).isEqualTo(service);
        assertThat(catalog.requests("PUT /v1/blueprints/team").getFirst().body()).isEqualTo(team);
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
