package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.server.testing.ApiClient;
import dev.portolan.server.testing.ApiResponse;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;
import dev.portolan.server.testing.Fixtures;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static dev.portolan.server.testing.Fixtures.entitiesPath;
import static dev.portolan.server.testing.Fixtures.entityPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent writers: many requests at once on one server, and two server processes sharing one
 * database (replicas behind a load balancer). Nothing is lost, nothing fails with a 500.
 */
class ReplicasApiTest {

    private static final int WRITERS = 16;

    @ApiTest
    void aTokenIssuedByOneReplicaIsAcceptedByTheOther(ApiServer server) {
        try (ApiServer replica = server.startReplica()) {
            String blueprint = Fixtures.blueprint(server, "shared");
            replica.anonymous().withToken(server.admin().token()).get("/v1/blueprints/" + blueprint).expect(200);
            server.anonymous().withToken(replica.admin().token()).post(entitiesPath(blueprint), "{identifier: 'from-replica'}").expect(201);
            Fixtures.get(server, blueprint, "from-replica");
        }
    }

    @ApiTest
    void concurrentMergesOfDifferentPropertiesLoseNothing(ApiServer server) throws Exception {
        try (ApiServer replica = server.startReplica()) {
            String blueprint = Fixtures.blueprint(server, "merged", schemaOf(WRITERS));
            Fixtures.entity(server, blueprint, "{identifier: 'hot'}");
            List<ApiClient> clients = List.of(server.admin(), replica.admin());

            List<ApiResponse> responses = concurrently(i -> clients.get(i % 2).patch(entityPath(blueprint, "hot"),
                    "{properties: {p%d: %d}}".formatted(i, i)));

            responses.forEach(r -> r.expect(200));
            JsonNode properties = Fixtures.get(server, blueprint, "hot").path("properties");
            for (int i = 0; i < WRITERS; i++) {
                assertThat(properties.path("p" + i).asInt(-1)).as("p%d", i).isEqualTo(i);
            }
            assertThat(Fixtures.audits(server, blueprint).size()).isEqualTo(1 + 1 + WRITERS);
        }
    }

    @ApiTest
    void concurrentCreatesOfOneIdentifierCreateItOnceAndRefuseTheRestWith409(ApiServer server) throws Exception {
        try (ApiServer replica = server.startReplica()) {
            String blueprint = Fixtures.blueprint(server, "raced", schemaOf(WRITERS));
            List<ApiClient> clients = List.of(server.admin(), replica.admin());

            List<ApiResponse> responses = concurrently(i -> clients.get(i % 2).post(entitiesPath(blueprint),
                    "{identifier: 'once', properties: {p%d: %d}}".formatted(i, i)));

            List<Integer> statuses = responses.stream().map(ApiResponse::status).toList();
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
            assertThat(Fixtures.count(server, blueprint)).isEqualTo(1);
            assertThat(Fixtures.audits(server, blueprint).size()).isEqualTo(1 + 1);
        }
    }

    @ApiTest
    void concurrentBulkWritesOfDistinctEntitiesAreAllStored(ApiServer server) throws Exception {
        try (ApiServer replica = server.startReplica()) {
            String blueprint = Fixtures.blueprint(server, "bulked");
            List<ApiClient> clients = List.of(server.admin(), replica.admin());

            List<ApiResponse> responses = concurrently(i -> {
                StringBuilder entities = new StringBuilder();
                for (int j = 0; j < 20; j++) entities.append(j == 0 ? "" : ",").append("{identifier: 'w%d-%d'}".formatted(i, j));
                return clients.get(i % 2).post(entitiesPath(blueprint) + "/bulk?upsert=true", "{entities: [" + entities + "]}");
            });

            responses.forEach(r -> r.expect(200));
            assertThat(Fixtures.count(server, blueprint)).isEqualTo(WRITERS * 20L);
        }
    }

    @ApiTest
    void concurrentCreatesOfOneBlueprintSucceedOnceAndRefuseTheRestWith409(ApiServer server) throws Exception {
        try (ApiServer replica = server.startReplica()) {
            List<ApiClient> clients = List.of(server.admin(), replica.admin());
            String blueprint = dev.portolan.server.testing.Ids.unique("contested");

            List<Integer> statuses = concurrently(i -> clients.get(i % 2).post("/v1/blueprints", "{identifier: '%s'}".formatted(blueprint)))
                    .stream().map(ApiResponse::status).toList();

            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
            assertThat(Fixtures.audits(server, blueprint)).hasSize(1);
        }
    }

    @ApiTest
    void concurrentCreatesOfOneTeamSucceedOnceAndRefuseTheRestWith409(ApiServer server) throws Exception {
        try (ApiServer replica = server.startReplica()) {
            List<ApiClient> clients = List.of(server.admin(), replica.admin());
            String team = dev.portolan.server.testing.Ids.unique("contested-team");

            List<Integer> statuses = concurrently(i -> clients.get(i % 2).post("/v1/teams", "{name: '%s'}".formatted(team)))
                    .stream().map(ApiResponse::status).toList();

            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        }
    }

    private static String schemaOf(int properties) {
        StringBuilder schema = new StringBuilder("{schema: {properties: {");
        for (int i = 0; i < properties; i++) schema.append(i == 0 ? "" : ", ").append("p").append(i).append(": {type: 'number'}");
        return schema.append("}}}").toString();
    }

    /** Runs {@code WRITERS} requests at once (released together) and returns their responses in order. */
    private static List<ApiResponse> concurrently(IntFunction<ApiResponse> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                int index = i;
                Callable<ApiResponse> call = () -> {
                    start.await();
                    return request.apply(index);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> future : futures) responses.add(future.get());
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
