package dev.portolan.integrations.github;

import dev.portolan.integrations.github.testing.FakeGithub;
import dev.portolan.integrations.github.testing.GithubObjects;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.host.LiveEvents;
import dev.portolan.sync.report.SyncReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhook deliveries: signed, de-duplicated, applied through the same mapping as a resync. */
class WebhooksTest {

    private GithubHarness sync;
    private ObjectNode api;

    @BeforeEach
    void setUp() {
        sync = new GithubHarness();
        Fixtures.acme(sync.github);
        api = sync.github.repository("api");
        sync.resync(sync.defaultMapping());
    }

    @AfterEach
    void tearDown() {
        sync.close();
    }

    private ObjectNode pullRequestEvent(String action, ObjectNode pull) {
        ObjectNode payload = Json.object().put("action", action).put("number", pull.path("number").asInt());
        payload.set("pull_request", pull);
        payload.set("repository", api);
        payload.putObject("organization").put("login", FakeGithub.ORG);
        payload.putObject("sender").put("login", "dev1");
        return payload;
    }

    @Test
    void aSignedDeliveryUpsertsThePullRequestAtOnce() {
        ObjectNode pull = GithubObjects.pull(api, 900, "open", GithubObjects.CREATED);

        LiveEvents.Result result = sync.deliver("pull_request", "d-1", pullRequestEvent("opened", pull), GithubHarness.SECRET);

        assertThat(result.status()).isEqualTo(LiveEvents.Status.APPLIED);
        assertThat(result.upserted()).isEqualTo(1);
        Entity entity = sync.entity("githubPullRequest", "api" + (100_000 + 900));
        assertThat(entity.title()).isEqualTo("Change 900 of api");
        assertThat(entity.relations().path("repository").asText()).isEqualTo("api");
        assertThat(sync.liveEventLog()).anySatisfy(e -> assertThat(e.message()).contains("pull_request.opened").contains("upserted 1"));
        assertThat(sync.meters.scrape()).contains("live_event_count{integration=\"github-1\",kind=\"pull-request\",result=\"upserted\"} 1.0");
    }

    @Test
    void aForgedOrUnsignedDeliveryIsRefusedAndChangesNothing() {
        ObjectNode pull = GithubObjects.pull(api, 901, "open", GithubObjects.CREATED);

        assertThat(sync.deliver("pull_request", "d-2", pullRequestEvent("opened", pull), "not the secret").status())
                .isEqualTo(LiveEvents.Status.REJECTED);
        assertThat(sync.deliver("pull_request", "d-3", pullRequestEvent("opened", pull), null).status())
                .isEqualTo(LiveEvents.Status.REJECTED);

        assertThat(sync.exists("githubPullRequest", "api" + (100_000 + 901))).isFalse();
        // A refused delivery is not remembered: the genuine one with the same id still applies.
        assertThat(sync.deliver("pull_request", "d-2", pullRequestEvent("opened", pull), GithubHarness.SECRET).status())
                .isEqualTo(LiveEvents.Status.APPLIED);
    }

    @Test
    void aReplayedDeliveryIsAppliedOnce() {
        ObjectNode pull = GithubObjects.pull(api, 902, "open", GithubObjects.CREATED);
        sync.deliver("pull_request", "d-4", pullRequestEvent("opened", pull), GithubHarness.SECRET);
        sync.catalog.entities().delete("githubPullRequest", java.util.List.of("api" + (100_000 + 902)), false, dev.portolan.catalog.Actor.credential("someone"));

        LiveEvents.Result replay = sync.deliver("pull_request", "d-4", pullRequestEvent("opened", pull), GithubHarness.SECRET);

        assertThat(replay.status()).isEqualTo(LiveEvents.Status.DUPLICATE);
        assertThat(sync.exists("githubPullRequest", "api" + (100_000 + 902))).isFalse();
    }

    @Test
    void aPullRequestClosedWhileOnlyOpenOnesAreSyncedIsDeleted() {
        ObjectNode pull = GithubObjects.pull(api, 7, "closed", GithubObjects.CREATED);

        LiveEvents.Result result = sync.deliver("pull_request", "d-5", pullRequestEvent("closed", pull), GithubHarness.SECRET);

        assertThat(result.deleted()).isEqualTo(1);
        assertThat(sync.exists("githubPullRequest", "api" + (100_000 + 7))).isFalse();
    }

    @Test
    void aWebhookGivesTheSameEntityAsAResync() {
        ObjectNode changed = GithubObjects.pull(api, 8, "open", "2026-01-01T00:00:00Z");
        changed.put("title", "Renamed on GitHub");
        ObjectNode stored = (ObjectNode) sync.github.list("api", "pulls").stream().filter(p -> p.path("number").asInt() == 8).findFirst().orElseThrow();
        stored.put("title", "Renamed on GitHub");

        sync.deliver("pull_request", "d-6", pullRequestEvent("edited", changed), GithubHarness.SECRET);
        Entity fromWebhook = sync.entity("githubPullRequest", "api" + (100_000 + 8));
        SyncReport resync = sync.resync(sync.defaultMapping());

        assertThat(fromWebhook.title()).isEqualTo("Renamed on GitHub");
        assertThat(GithubHarness.kind(resync, "pull-request").ingestedCount()).isZero();
        Entity afterResync = sync.entity("githubPullRequest", "api" + (100_000 + 8));
        assertThat(afterResync.properties()).isEqualTo(fromWebhook.properties());
        assertThat(afterResync.relations()).isEqualTo(fromWebhook.relations());
        assertThat(afterResync.updatedAt()).isEqualTo(fromWebhook.updatedAt());
    }

    @Test
    void aDeletedRepositoryAndADeletedIssueAreDeleted() {
        ObjectNode repoEvent = Json.object().put("action", "deleted");
        repoEvent.set("repository", sync.github.repository("web"));
        sync.github.removeRepository("web");
        assertThat(sync.deliver("repository", "d-7", repoEvent, GithubHarness.SECRET).deleted()).isGreaterThanOrEqualTo(1);
        assertThat(sync.exists("githubRepository", "web")).isFalse();

        ObjectNode issueEvent = Json.object().put("action", "deleted");
        issueEvent.set("issue", GithubObjects.issue(api, 1, "open"));
        issueEvent.set("repository", api);
        sync.deliver("issues", "d-8", issueEvent, GithubHarness.SECRET);
        assertThat(sync.exists("githubIssue", "api" + (api.path("id").asLong() * 100_000 + 50_000 + 1))).isFalse();
    }

    @Test
    void aTeamMembershipChangeRereadsTheTeamWithItsMembers() {
        sync.github.addTeam("platform-2", "carol");
        ObjectNode event = Json.object().put("action", "added");
        event.set("team", GithubObjects.team(sync.github.url(), FakeGithub.ORG, "platform-2", 999));
        event.putObject("organization").put("login", FakeGithub.ORG);
        event.putObject("member").put("login", "carol");

        sync.deliver("membership", "d-9", event, GithubHarness.SECRET);

        assertThat(sync.entity("githubTeam", "platform-2").relations().path("team_member").toString()).isEqualTo("[\"carol\"]");
    }

    @Test
    void anEventTheMappingDoesNotUseIsIgnored() {
        ObjectNode ping = Json.object().put("zen", "Keep it logically awesome.").put("hook_id", 1);

        assertThat(sync.deliver("ping", "d-10", ping, GithubHarness.SECRET).status()).isEqualTo(LiveEvents.Status.IGNORED);
    }
}
