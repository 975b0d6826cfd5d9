package dev.portolan.server.api;

import com.sun.net.httpserver.HttpServer;
import dev.portolan.server.testing.ApiResponse;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;
import dev.portolan.server.testing.Fixtures;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server processes on one database: a resync started by hand on one aborts the resync of the
 * same integration running on the other, and runs once that one has stopped. The source is a
 * server on loopback whose second page waits until the test lets it go.
 */
class ReplicaResyncApiTest {

    /** Waits (bounded) for what another process does; fails the test if it never happens. */
    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1_500 && !condition.getAsBoolean(); i++) Thread.sleep(40);
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @ApiTest
    void aManualResyncOnOneReplicaAbortsTheOneRunningOnTheOther(ApiServer server) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger secondPages = new AtomicInteger();
        HttpServer source = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + source.getAddress().getPort();
        source.createContext("/p1", exchange -> respond(exchange, "{\"items\": [{\"name\": \"a\"}], \"next\": \"" + base + "/p2\"}"));
        source.createContext("/p2", exchange -> {
            if (secondPages.incrementAndGet() == 1) {
                try {
                    release.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            respond(exchange, "{\"items\": [{\"name\": \"b\"}]}");
        });
        source.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        source.start();
        try (ApiServer replica = server.startReplica()) {
            String blueprint = Fixtures.blueprint(server, "replicated");
            String id = "replicated-" + blueprint.replace('_', '-');
            server.admin().post("/v1/integration", """
                    {installationId: '%s', installationAppType: 'custom',
                     settings: {kinds: {svc: {url: '%s/p1', itemsPath: '.items', nextPath: '.next'}}},
                     config: {resources: [{kind: 'svc', selector: {query: 'true'},
                              port: {entity: {mappings: {identifier: '.name', title: '.name', blueprint: '"%s"'}}}}]}}"""
                    .formatted(id, base, blueprint)).expect(201);
            eventually("the first resync reached the second page", () -> secondPages.get() >= 1);
            String first = server.admin().get("/v1/integration/" + id + "/syncStatus").expect(200).get("syncStatus").path("resyncId").asText();

            String second = replica.admin().post("/v1/integration/" + id + "/resync", "{}").expect(202).get("resyncId").asText();
            eventually("the first resync was told to stop", () -> logs(server, id).contains("stops: a newer resync started in another process"));
            release.countDown();

            eventually("both resyncs finished", () -> finished(server, id, first) && finished(server, id, second));
            assertThat(state(server, id, first)).isEqualTo("aborted");
            assertThat(state(server, id, second)).isEqualTo("completed");
            assertThat(Fixtures.count(server, blueprint)).isEqualTo(2);
            assertThat(logs(server, id)).contains("waits for the resync running in another process to stop");
        } finally {
            release.countDown();
            source.stop(0);
        }
    }

    private static String logs(ApiServer server, String id) {
        return server.admin().get("/v1/integration/" + id + "/logs?limit=1000").expect(200).get("data").toString();
    }

    /** The resync's state; "waiting" while it has no report yet (it is saved once the resync holds the lease). */
    private static String state(ApiServer server, String id, String resyncId) {
        ApiResponse response = server.admin().get("/v1/integration/" + id + "/syncStatus?resyncId=" + resyncId);
        if (response.status() == 404) return "waiting";
        return response.expect(200).get("syncStatus").path("state").asText();
    }

    private static boolean finished(ApiServer server, String id, String resyncId) {
        String state = state(server, id, resyncId);
        return !state.equals("syncing") && !state.equals("waiting");
    }
}
