package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.mapping.Mapping;
import dev.portolan.sync.resync.LiveEventSync;
import dev.portolan.sync.files.FileFolders;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.spi.FetchContext;
import dev.portolan.sync.spi.FetchException;
import dev.portolan.sync.spi.LiveChange;
import dev.portolan.sync.spi.WebhookReceiver;
import dev.portolan.sync.testing.SyncHarness;
import dev.portolan.sync.testing.SyncTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.portolan.integrations.git.TestRepository.ADA;
import static dev.portolan.integrations.git.TestRepository.GRACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LiveEventsTest {

    private static final String SECRET = "hook-secret";
    private static final String GITHUB_PUSH = """
            {"ref": "refs/heads/main", "repository": {"name": "payments", "full_name": "acme/payments",
             "clone_url": "https://github.com/acme/payments.git"}}""";

    @TempDir
    Path temp;

    private WebhookReceiver webhooks() {
        return new GitIntegration(temp.resolve("data"), FileFolders.of(List.of(temp))).webhooks().orElseThrow();
    }

    private static Settings settings(String more) {
        return GitSettings.DEFINITION.parse(Json.parse("{\"webhookSecret\": \"" + SECRET + "\"" + more + "}"));
    }

    private static WebhookReceiver.Headers headers(Map<String, String> values) {
        Map<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseless.putAll(values);
        return caseless::get;
    }

    private boolean authentic(Map<String, String> headers, String body, Settings settings) {
        return webhooks().authentic(settings, headers(headers), body.getBytes(StandardCharsets.UTF_8));
    }

    private static String signature(String body) {
        return WebhookAuthentication.hmac(SECRET, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aGitHubPushSignedWithTheSecretIsAuthenticAndOneSignedOverAnotherBodyIsNot() {
        assertThat(authentic(Map.of("X-Hub-Signature-256", "sha256=" + signature(GITHUB_PUSH)), GITHUB_PUSH, settings(""))).isTrue();
        assertThat(authentic(Map.of("X-Hub-Signature-256", "sha256=" + signature("{}")), GITHUB_PUSH, settings(""))).isFalse();
    }

    @Test
    void aGiteaOrBitbucketSignatureAGitLabTokenAndABearerTokenAreAuthentic() {
        assertThat(authentic(Map.of("X-Gitea-Signature", signature(GITHUB_PUSH)), GITHUB_PUSH, settings(""))).isTrue();
        assertThat(authentic(Map.of("X-Hub-Signature", "sha256=" + signature(GITHUB_PUSH)), GITHUB_PUSH, settings(""))).isTrue();
        assertThat(authentic(Map.of("X-Gitlab-Token", SECRET), "{}", settings(""))).isTrue();
        assertThat(authentic(Map.of("Authorization", "Bearer " + SECRET), "{}", settings(""))).isTrue();
    }

    @Test
    void aWrongTokenNoCredentialOrNoSecretSetIsNotAuthentic() {
        assertThat(authentic(Map.of("X-Gitlab-Token", "guess"), "{}", settings(""))).isFalse();
        assertThat(authentic(Map.of(), "{}", settings(""))).isFalse();
        Settings noSecret = GitSettings.DEFINITION.parse(Json.object());
        assertThat(authentic(Map.of("X-Gitlab-Token", SECRET), "{}", noSecret)).isFalse();
        assertThat(authentic(Map.of("Authorization", "Bearer "), "{}", noSecret)).isFalse();
    }

    @Test
    void deliveriesAreDescribedAndIdentifiedForTheEventLog() {
        WebhookReceiver receiver = webhooks();
        assertThat(receiver.describe(headers(Map.of()), Json.parse(GITHUB_PUSH))).isEqualTo("push to acme/payments (main)");
        assertThat(receiver.describe(headers(Map.of("X-GitHub-Event", "ping")), Json.parse("{}"))).isEqualTo("ping");
        assertThat(receiver.deliveryId(headers(Map.of("X-GitHub-Delivery", "d-1")))).isEqualTo("d-1");
        assertThat(receiver.deliveryId(headers(Map.of("X-Gitlab-Event-UUID", "g-1")))).isEqualTo("g-1");
        assertThat(receiver.deliveryId(headers(Map.of()))).isNull();
    }

    @Test
    void aBodyNamingNoRepositoryFailsSayingWhatToSend() {
        FetchContext context = new FetchContext("git-1", settings(""), Json.object(), () -> false);
        FetchException e = catchThrowableOfType(FetchException.class,
                () -> webhooks().changes("repository", context, headers(Map.of()), Json.parse("{\"hello\": 1}")));
        assertThat(e.getMessage()).contains("{\"repository\": \"<name, path or URL>\"}");
    }

    @Test
    void aPushToAnotherBranchThanTheOneReadChangesNothing() throws Exception {
        String bitbucket = """
                {"push": {"changes": [{"new": {"type": "branch", "name": "experiment"}}]},
                 "repository": {"name": "payments", "full_name": "acme/payments"}}""";
        FetchContext context = new FetchContext("git-1", settings(", \"branch\": \"main\""), Json.object(), () -> false);
        assertThat(webhooks().changes("repository", context, headers(Map.of()), Json.parse(bitbucket))).isEqualTo(LiveChange.NONE);
    }

    @SyncTest
    void aPushReReadsThatRepositoryAloneAndItsNewObjectsAreIngested(SyncHarness harness) throws Exception {
        GitSync git = new GitSync(harness, temp.resolve("data"));
        TestRepository payments = TestRepository.init(temp.resolve("repos/payments"));
        payments.write("README.md", "payments\n").commit("Start", ADA);
        TestRepository ledger = TestRepository.init(temp.resolve("repos/ledger"));
        ledger.write("README.md", "ledger\n").commit("Start", GRACE);
        Settings settings = git.settings("{\"scanRoots\": [\"" + temp.resolve("repos") + "\"], \"webhookSecret\": \"" + SECRET + "\"}");
        git.resync(settings);
        payments.write("pay.go", "package pay\n").commit("Pay in Go", GRACE);
        ledger.write("ledger.go", "package ledger\n").commit("Ledger in Go", ADA);
        git.reads.clear();

        Mapping mapping = git.defaultMapping(settings);
        LiveEventSync apply = new LiveEventSync(git.context(settings, mapping));
        WebhookReceiver receiver = git.integration.webhooks().orElseThrow();
        JsonNode push = Json.parse("{\"repository\": \"payments\"}");
        for (int i = 0; i < mapping.resources().size(); i++) {
            var resource = mapping.resources().get(i);
            LiveChange change = receiver.changes(resource.kind(),
                    new FetchContext(GitSync.INSTALLATION, settings, resource.selector(), () -> false), headers(Map.of()), push);
            apply.apply(i, resource, change);
        }

        // Contributors merge across repositories: every repository is read for them, from its cache unless its head moved
        // (ledger's did); the other kinds read the pushed repository alone.
        assertThat(git.reads).containsExactlyInAnyOrder("repository:payments", "contributor:payments", "contributor:ledger", "commit:payments");
        assertThat(harness.get("service", "payments").properties().path("lastCommitMessage").asText()).isEqualTo("Pay in Go");
        assertThat(harness.get("service", "ledger").properties().path("lastCommitMessage").asText()).isEqualTo("Start");
        assertThat(harness.get("contributor", "grace-hopper").relations().path("services")).hasSize(2);
        assertThat(harness.count("commit")).isEqualTo(3);
    }

    /** What one delivery re-reads of the repository kind, without a catalog: the names of the repositories read. */
    private static List<String> repositoriesRead(GitIntegration integration, Settings settings, Map<String, String> headers, String body)
            throws FetchException {
        FetchContext context = new FetchContext("git-1", settings, Json.object(), () -> false);
        LiveChange change = integration.webhooks().orElseThrow().changes("repository", context, headers(headers), Json.parse(body));
        return change.upserts().stream().map(r -> r.path("full_name").asText() + "@" + r.path("head_commit").path("message").asText()).toList();
    }

    @Test
    void eachSendersPushPayloadReReadsTheRepositoryItNamesAlone() throws Exception {
        TestRepository payments = TestRepository.init(temp.resolve("repos/payments"));
        payments.write("README.md", "payments\n").commit("Pay", ADA);
        TestRepository ledger = TestRepository.init(temp.resolve("repos/ledger"));
        ledger.write("README.md", "ledger\n").commit("Count", GRACE);
        GitIntegration integration = new GitIntegration(temp.resolve("data"), FileFolders.of(List.of(temp)));
        Settings settings = integration.settings().parse(Json.parse("{\"scanRoots\": [\"" + temp.resolve("repos") + "\"], "
                + "\"branch\": \"main\", \"webhookSecret\": \"" + SECRET + "\"}"));
        String gitea = """
                {"ref": "refs/heads/main", "repository": {"name": "payments", "full_name": "acme/payments",
                 "clone_url": "https://gitea.example.com/acme/payments.git", "html_url": "https://gitea.example.com/acme/payments"}}""";
        String gitlab = """
                {"object_kind": "push", "ref": "refs/heads/main",
                 "project": {"name": "Payments service", "path": "payments", "path_with_namespace": "acme/payments",
                             "git_http_url": "https://gitlab.example.com/acme/payments.git"},
                 "repository": {"name": "Payments service", "url": "git@gitlab.example.com:acme/payments.git",
                                "homepage": "https://gitlab.example.com/acme/payments"}}""";
        String bitbucket = """
                {"push": {"changes": [{"new": {"type": "branch", "name": "main"}}]},
                 "repository": {"name": "payments", "full_name": "acme/payments", "type": "repository"}}""";

        assertThat(repositoriesRead(integration, settings, Map.of("X-GitHub-Event", "push"), GITHUB_PUSH)).containsExactly("payments@Pay");
        assertThat(repositoriesRead(integration, settings, Map.of("X-Gitea-Event", "push"), gitea)).containsExactly("payments@Pay");
        assertThat(repositoriesRead(integration, settings, Map.of("X-Gitlab-Event", "Push Hook"), gitlab)).containsExactly("payments@Pay");
        assertThat(repositoriesRead(integration, settings, Map.of("X-Event-Key", "repo:push"), bitbucket)).containsExactly("payments@Pay");
        assertThat(repositoriesRead(integration, settings, Map.of(), "{\"repository\": \"" + ledger.folder() + "\", \"branch\": \"main\"}"))
                .containsExactly("ledger@Count");
        assertThat(repositoriesRead(integration, settings, Map.of(), "{\"repository\": \"billing\"}")).as("no such repository").isEmpty();
    }

    @Test
    void aPingATagPushOrAPushToAnotherBranchReadsNothing() throws Exception {
        TestRepository payments = TestRepository.init(temp.resolve("repos/payments"));
        payments.write("README.md", "payments\n").commit("Pay", ADA);
        GitIntegration integration = new GitIntegration(temp.resolve("data"), FileFolders.of(List.of(temp)));
        Settings settings = integration.settings().parse(Json.parse("{\"repositories\": [\"" + payments.folder() + "\"], \"branch\": \"main\"}"));

        assertThat(repositoriesRead(integration, settings, Map.of("X-GitHub-Event", "ping"), "{\"zen\": \"Keep it simple.\"}")).isEmpty();
        assertThat(repositoriesRead(integration, settings, Map.of("X-Gitea-Event", "ping"), "{}")).isEmpty();
        assertThat(repositoriesRead(integration, settings, Map.of(), "{\"ref\": \"refs/tags/v1\", \"repository\": {\"name\": \"payments\"}}")).isEmpty();
        assertThat(repositoriesRead(integration, settings, Map.of(), "{\"repository\": \"payments\", \"branch\": \"next\"}")).isEmpty();
        assertThat(repositoriesRead(integration, settings, Map.of(), "{\"repository\": \"payments\", \"branch\": \"main\"}")).hasSize(1);
    }

    @Test
    void aPushFetchesItsRemoteAtOnceWhereAResyncWouldWaitForTheMirrorToGrowStale() throws Exception {
        Path bare = TestRepository.bare(temp.resolve("remotes/orders.git"));
        TestRepository work = TestRepository.init(temp.resolve("work"));
        work.write("app.py", "print(1)\n").commit("Start", ADA);
        work.push(bare.toUri().toString(), false);
        GitIntegration integration = new GitIntegration(temp.resolve("data"), FileFolders.of(List.of(temp))); // remotes fresh for 30 s
        Settings settings = integration.settings().parse(Json.parse("{\"repositories\": [\"" + bare.toUri() + "\"]}"));
        String push = "{\"repository\": \"" + bare.toUri() + "\"}";
        assertThat(repositoriesRead(integration, settings, Map.of(), push)).containsExactly("orders@Start");

        work.write("app.py", "print(2)\n").commit("Second", GRACE);
        work.push(bare.toUri().toString(), false);
        FetchContext context = new FetchContext("git-1", settings, Json.object(), () -> false);
        JsonNode resynced = integration.fetcher("repository", context).fetch(null).objects().getFirst();

        assertThat(resynced.path("head_commit").path("message").asText()).as("a resync within 30 s reads the mirror as it is").isEqualTo("Start");
        assertThat(repositoriesRead(integration, settings, Map.of(), push)).containsExactly("orders@Second");
    }
}
