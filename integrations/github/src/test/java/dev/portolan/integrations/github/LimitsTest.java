package dev.portolan.integrations.github;

import dev.portolan.integrations.github.testing.FakeGithub;
import dev.portolan.integrations.github.testing.GithubObjects;

import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import dev.portolan.sync.report.TroubleshootingTips;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GitHub's limits and failures: waits, retries, skips, and what a missing permission does. */
class LimitsTest {

    private static final String PULLS = """
            resources:
              - kind: pull-request
                selector:
                  query: 'true'
                port:
                  entity:
                    mappings:
                      identifier: .head.repo.name + (.id|tostring)
                      title: .title
                      blueprint: '"githubPullRequest"'
                      properties:
                        status: .state
            """;

    private GithubHarness sync;

    @BeforeEach
    void setUp() {
        sync = new GithubHarness();
        Fixtures.acme(sync.github);
    }

    @AfterEach
    void tearDown() {
        sync.close();
    }

    @Test
    void whenThePrimaryRateLimitIsSpentItWaitsUntilTheResetAndSaysSo() {
        sync.github.rateLimit(2, sync.clock.instant().plus(Duration.ofMinutes(10)));

        SyncReport report = sync.resync(PULLS);

        assertThat(report.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(sync.identifiers("githubPullRequest")).hasSize(Fixtures.API_OPEN_PULLS + 2);
        assertThat(sync.sleeps).anySatisfy(wait -> assertThat(wait).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(11)));
        KindReport pulls = GithubHarness.kind(report, "pull-request");
        assertThat(pulls.fetchFigures()).containsEntry("rate_limit_waits", 1L);
        assertThat(pulls.fetchNotes()).anySatisfy(n -> assertThat(n).contains("rate limit is spent: waiting"));
        assertThat(sync.events.lines()).anySatisfy(l -> assertThat(l.message()).contains("rate limit is spent: waiting"));
        assertThat(sync.github.requests()).noneMatch(r -> r.status() == 403);
    }

    @Test
    void aRequestRefusedForThePrimaryLimitIsSentAgainAfterTheReset() {
        sync.github.fail(FakeGithub.pathContains("/repos/acme/web/pulls"), 403,
                Map.of("x-ratelimit-remaining", "0", "x-ratelimit-reset", String.valueOf(sync.clock.instant().plusSeconds(300).getEpochSecond())),
                "{\"message\":\"API rate limit exceeded\"}", 1);

        SyncReport report = sync.resync(PULLS);

        assertThat(report.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(sync.identifiers("githubPullRequest")).hasSize(Fixtures.API_OPEN_PULLS + 2);
        assertThat(sync.sleeps).anySatisfy(wait -> assertThat(wait).isBetween(Duration.ofSeconds(290), Duration.ofSeconds(310)));
    }

    @Test
    void aSecondaryRateLimitWaitsWhatRetryAfterAsks() {
        sync.github.fail(FakeGithub.pathContains("/repos/acme/api/pulls"), 403, Map.of("retry-after", "42"),
                "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\"}", 1);

        SyncReport report = sync.resync(PULLS);

        assertThat(report.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(sync.sleeps).containsExactly(Duration.ofSeconds(42));
        assertThat(sync.identifiers("githubPullRequest")).hasSize(Fixtures.API_OPEN_PULLS + 2);
    }

    @Test
    void aServerErrorIsRetriedWithBackoff() {
        sync.github.fail(FakeGithub.pathContains("/orgs/acme/repos"), 502, Map.of(), "{\"message\":\"Server Error\"}", 2);

        SyncReport report = sync.resync(PULLS);

        assertThat(report.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(sync.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(GithubHarness.kind(report, "pull-request").fetchFigures()).containsEntry("retries", 2L);
    }

    @Test
    void serverErrorsThatDoNotStopFailTheKindAndDeleteNothing() {
        sync.resync(PULLS);
        sync.github.fail(FakeGithub.pathContains("/repos/acme/web/pulls"), 503, Map.of(), "", 100);

        SyncReport report = sync.resync(PULLS);

        KindReport pulls = GithubHarness.kind(report, "pull-request");
        assertThat(pulls.fetchFailedCount()).isEqualTo(1);
        assertThat(pulls.fetchError()).contains("answered 503").contains("gave up after 5 attempts");
        assertThat(report.reconciliation().deletedCount()).isZero();
        assertThat(sync.identifiers("githubPullRequest")).hasSize(Fixtures.API_OPEN_PULLS + 2);
    }

    @Test
    void aRepositoryDeletedBetweenListAndDetailIsSkippedWithANote() {
        sync.github.fail(FakeGithub.pathContains("/repos/acme/api/pulls"), 404, Map.of(), "{\"message\":\"Not Found\"}", 1);

        SyncReport report = sync.resync(PULLS);

        KindReport pulls = GithubHarness.kind(report, "pull-request");
        assertThat(pulls.complete()).isTrue();
        assertThat(pulls.fetchedCount()).isEqualTo(2);
        assertThat(pulls.fetchNotes()).anySatisfy(n -> assertThat(n).contains("repository acme/api answered 404"));
    }

    @Test
    void aTokenWithoutAPermissionFailsThatKindAloneNamesThePermissionAndDeletesNothing() {
        String mapping = PULLS + """
                  - kind: dependabot-alert
                    selector:
                      query: 'true'
                    port:
                      entity:
                        mappings:
                          identifier: .__repository + "-" + (.number|tostring)
                          title: .security_advisory.summary
                          blueprint: '"githubDependabotAlert"'
                          properties:
                            severity: .security_advisory.severity
                """;
        sync.catalog.blueprints().create(dev.portolan.catalog.json.Json.parse("""
                {"identifier": "githubDependabotAlert", "title": "Dependabot alert",
                 "schema": {"properties": {"severity": {"type": "string"}}}}"""), dev.portolan.catalog.Actor.credential("test"));
        sync.resync(mapping);
        assertThat(sync.identifiers("githubDependabotAlert")).containsExactly("api-1");
        sync.github.deny("/dependabot/alerts", "vulnerability_alerts=read");

        SyncReport report = sync.resync(mapping);

        KindReport alerts = GithubHarness.kind(report, "dependabot-alert");
        assertThat(alerts.fetchedCount()).isZero();
        assertThat(alerts.fetchFailedCount()).isEqualTo(1);
        assertThat(alerts.fetchError()).contains("403").contains("vulnerability_alerts=read");
        assertThat(TroubleshootingTips.of(report)).anySatisfy(tip -> assertThat(tip).contains("vulnerability_alerts=read"));
        assertThat(GithubHarness.kind(report, "pull-request").complete()).isTrue();
        assertThat(sync.identifiers("githubDependabotAlert")).containsExactly("api-1");
        assertThat(report.reconciliation().deletedCount()).isZero();
    }

    @Test
    void refusedCredentialsSayWhichAndFailTheKind() {
        sync.settings(sync.settingsJson().put("githubToken", "ghp_revoked"));

        SyncReport report = sync.resync(PULLS);

        assertThat(GithubHarness.kind(report, "pull-request").fetchError())
                .contains("answered 401").contains("personal access token (githubToken)").doesNotContain("ghp_revoked");
    }
}
