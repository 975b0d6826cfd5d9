package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.portolan.catalog.json.Json;
import dev.portolan.server.testing.ApiResponse;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;
import dev.portolan.server.testing.Ids;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Credentials in a source URL never come back from the API, whatever shows the URL. */
class SecretUrlsApiTest {

    private static final String API_KEY = "k3y-zq7Vm2";
    private static final String SIG = "s1g-Qx9wP4";

    @ApiTest
    void credentialsInASourceUrlAreRedactedInTheIntegrationItsSyncsAndItsLogs(ApiServer server) throws Exception {
        AtomicInteger status = new AtomicInteger(401);
        List<String> requested = new CopyOnWriteArrayList<>();
        HttpServer source = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        source.createContext("/", exchange -> {
            requested.add(exchange.getRequestURI().toString());
            byte[] body = (status.get() == 200 ? "[]" : "{\"error\": \"no\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        source.start();
        try {
            String id = Ids.unique("secrets");
            String url = "http://127.0.0.1:" + source.getAddress().getPort() + "/items?api_key=" + API_KEY + "&tenant_sig=" + SIG + "&limit=5";
            ObjectNode settings = (ObjectNode) Json.parse("{\"kinds\": {\"item\": {\"url\": \"" + url
                    + "\", \"secretQueryParams\": [\"tenant_sig\"]}}}");
            server.admin().post("/v1/integration", Json.object().put("installationId", id).put("installationAppType", "custom")
                    .<ObjectNode>set("settings", settings).<ObjectNode>set("config", mapping())).expect(201);
            awaitSyncEnd(server, id, null);

            for (String path : List.of("/v1/integration/" + id, "/v1/integration", "/v1/integration/" + id + "/syncStatus",
                    "/v1/integration/" + id + "/syncs", "/v1/integration/" + id + "/logs", "/v1/integration/" + id + "/syncMetrics")) {
                assertThat(server.admin().get(path).expect(200).text()).as(path).doesNotContain(API_KEY, SIG);
            }
            JsonNode shown = server.admin().get("/v1/integration/" + id).expect(200).get("integration").path("settings");
            assertThat(shown.path("kinds").path("item").path("url").asText())
                    .isEqualTo(url.replace(API_KEY, "********").replace(SIG, "********"));
            assertThat(server.admin().get("/v1/integration/" + id + "/logs").text()).contains("api_key=********");

            // Settings sent back as GET showed them keep the stored URL.
            server.admin().patch("/v1/integration/" + id, Json.object().set("settings", shown)).expect(200);
            status.set(200);
            requested.clear();
            String resyncId = server.admin().post("/v1/integration/" + id + "/resync", "{}").expect(202).get("resyncId").asText();
            awaitSyncEnd(server, id, resyncId);
            assertThat(requested).first().asString().contains("api_key=" + API_KEY, "tenant_sig=" + SIG);
        } finally {
            source.stop(0);
        }
    }

    private static ObjectNode mapping() {
        return (ObjectNode) Json.parse("""
                {"resources": [{"kind": "item", "selector": {"query": "true"},
                  "port": {"entity": {"mappings": {"identifier": ".id", "blueprint": "\\"nothing\\""}}}}]}""");
    }

    private static void awaitSyncEnd(ApiServer server, String id, String resyncId) throws InterruptedException {
        String path = "/v1/integration/" + id + "/syncStatus" + (resyncId == null ? "" : "?resyncId=" + resyncId);
        for (int i = 0; i < 600; i++) {
            ApiResponse response = server.admin().get(path);
            if (response.status() == 404) { Thread.sleep(100); continue; }
            JsonNode status = response.expect(200).get("syncStatus");
            if (!status.isNull() && !status.path("state").asText().equals("syncing")) return;
            Thread.sleep(100);
        }
        throw new AssertionError("the resync of " + id + " did not end within a minute");
    }
}
