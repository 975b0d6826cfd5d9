package dev.portolan.server.api;

import com.sun.net.httpserver.HttpServer;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;
import dev.portolan.server.testing.WebhookSignatures;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /integrations/{id}/webhook}: outside /v1, no bearer token, the signature is the authentication. */
class WebhookApiTest {

    private static final String SECRET = "webhook-secret";
    private static final String PING = "{\"zen\":\"Design for failure.\",\"hook_id\":1}";

    /** Installs a GitHub integration whose GitHub refuses every request at once (its resyncs fail fast, offline). */
    private static String installGithub(ApiServer server, HttpServer refusingGithub) {
        String id = "gh-" + Long.toHexString(System.nanoTime());
        server.admin().post("/v1/integration", "{installationId: '" + id + "', installationAppType: 'github', settings: {"
                + "githubHost: 'http://127.0.0.1:" + refusingGithub.getAddress().getPort() + "', githubToken: 'ghp_test', "
                + "githubOrganization: 'acme', webhookSecret: '" + SECRET + "'}}").expect(201);
        return id;
    }

    private static HttpServer refusingGithub() throws Exception {
        HttpServer github = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        github.createContext("/", exchange -> {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        github.start();
        return github;
    }

    private static HttpResponse<String> deliver(ApiServer server, String id, String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/integrations/" + id + "/webhook"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .header("X-GitHub-Event", "ping").header("X-GitHub-Delivery", "delivery-" + System.nanoTime());
        if (signature != null) request.header("X-Hub-Signature-256", signature);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sign(String body) {
        return WebhookSignatures.github(SECRET, body);
    }

    @ApiTest
    void aSignedDeliveryIsAcceptedWithoutABearerTokenAndABadSignatureIs401(ApiServer server) throws Exception {
        HttpServer github = refusingGithub();
        try {
            String id = installGithub(server, github);

            HttpResponse<String> signed = deliver(server, id, PING, sign(PING));
            HttpResponse<String> forged = deliver(server, id, PING, "sha256=" + "0".repeat(64));
            HttpResponse<String> unsigned = deliver(server, id, PING, null);

            assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
            assertThat(signed.body()).contains("\"ok\":true").contains("\"status\":\"ignored\"");
            assertThat(forged.statusCode()).isEqualTo(401);
            assertThat(forged.body()).contains("\"ok\":false").contains("\"error\":\"unauthorized\"");
            assertThat(unsigned.statusCode()).isEqualTo(401);
        } finally {
            github.stop(0);
        }
    }

    @ApiTest
    void aDeliveryToAnUnknownInstallationIs404(ApiServer server) throws Exception {
        HttpResponse<String> response = deliver(server, "nobody-here", PING, sign(PING));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"ok\":false");
    }
}
