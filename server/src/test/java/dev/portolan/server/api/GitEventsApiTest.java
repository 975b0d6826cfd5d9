package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;
import dev.portolan.server.testing.WebhookSignatures;
import dev.portolan.server.testing.GitRepositories;
import dev.portolan.server.testing.Ids;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /integrations/{id}/events} on a running server: a push notification signed (or
 * carrying the token) with the installation's {@code webhookSecret} re-reads the repository at once;
 * anything else is 401 and changes nothing.
 */
class GitEventsApiTest {

    private static final String SECRET = "hook-secret";

    private static HttpResponse<String> deliver(ApiServer server, String id, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/integrations/" + id + "/events"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sign(String body) {
        return WebhookSignatures.github(SECRET, body);
    }

    @ApiTest
    void anAuthenticPushReReadsTheRepositoryAtOnceEachDeliveryOnceAndAnythingElseIs401(ApiServer server) throws Exception {
        String id = Ids.unique("git");
        String name = id + "-api";
        Path repo = GitRepositories.create(server.dataDirectory().resolve("repos").resolve(name));
        server.admin().post("/v1/integration", "{installationId: '" + id + "', installationAppType: 'git', settings: {repositories: ['"
                + repo + "'], webhookSecret: '" + SECRET + "'}}").expect(201);
        GitRepositories.awaitResync(server.server(), id);
        try (Git git = Git.open(repo.toFile())) {
            Files.writeString(repo.resolve("NEW.md"), "new\n");
            git.add().addFilepattern(".").call();
            PersonIdent grace = new PersonIdent("Grace Hopper", "grace@example.com");
            git.commit().setMessage("Pushed later").setAuthor(grace).setCommitter(grace).setSign(false).call();
        }
        String push = "{\"repository\": \"" + name + "\"}";
        String syncStatus = "/v1/integration/" + id + "/syncStatus";
        JsonNode reportBefore = server.admin().get(syncStatus).expect(200).body();

        HttpResponse<String> unsigned = deliver(server, id, push, Map.of());
        HttpResponse<String> wrongToken = deliver(server, id, push, Map.of("Authorization", "Bearer not-the-secret"));
        HttpResponse<String> forged = deliver(server, id, push, Map.of("X-Hub-Signature-256", "sha256=" + "0".repeat(64)));
        String lastCommit = server.admin().get("/v1/blueprints/service/entities/" + name).expect(200)
                .get("entity").path("properties").path("lastCommitMessage").asText();

        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("\"error\":\"unauthorized\"");
        assertThat(lastCommit).isEqualTo("Start");

        HttpResponse<String> signed = deliver(server, id, push, Map.of("X-Hub-Signature-256", sign(push)));
        HttpResponse<String> token = deliver(server, id, push, Map.of("Authorization", "Bearer " + SECRET, "X-Gitea-Delivery", id + "-1"));
        HttpResponse<String> again = deliver(server, id, push, Map.of("Authorization", "Bearer " + SECRET, "X-Gitea-Delivery", id + "-1"));

        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(signed.body()).contains("\"status\":\"applied\"");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(again.body()).as("a delivery seen before is applied once").contains("\"status\":\"duplicate\"");
        assertThat(server.admin().get("/v1/blueprints/service/entities/" + name).expect(200)
                .get("entity").path("properties").path("lastCommitMessage").asText()).isEqualTo("Pushed later");
        JsonNode liveEvents = server.admin().get("/v1/integration/" + id + "/logs?eventId=live-events").expect(200).get("data").path("logs");
        assertThat(liveEvents).anySatisfy(line -> assertThat(line.path("message").asText()).contains("push to " + name));
        assertThat(server.admin().get(syncStatus).expect(200).body()).as("not in the sync report").isEqualTo(reportBefore);
    }
}
