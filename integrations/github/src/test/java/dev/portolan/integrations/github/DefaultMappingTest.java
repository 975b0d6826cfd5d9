package dev.portolan.integrations.github;

import dev.portolan.integrations.github.testing.FakeGithub;
import dev.portolan.integrations.github.testing.GithubObjects;

import dev.portolan.catalog.entity.Entity;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultMappingTest {

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
    void theDefaultMappingFillsPortsGithubBlueprints() {
        SyncReport report = sync.resync(sync.defaultMapping());

        assertThat(report.state()).as(report.toJson().toPrettyString()).isEqualTo(SyncState.COMPLETED);
        assertThat(sync.identifiers("githubOrganization")).containsExactly("acme");
        assertThat(sync.identifiers("githubRepository")).containsExactly("api", "ops", "web");
        assertThat(sync.identifiers("githubUser")).contains("alice", "bob");
        assertThat(sync.identifiers("githubTeam")).containsExactly("platform", "web-team");
        assertThat(sync.identifiers("githubPullRequest")).hasSize(Fixtures.API_OPEN_PULLS + 2);
        assertThat(sync.identifiers("githubIssue")).hasSize(2);
        assertThat(sync.identifiers("githubWorkflow")).containsExactly("api11");
        assertThat(sync.identifiers("githubWorkflowRun")).containsExactly("api7001", "api7002");
    }

    @Test
    void entitiesCarryPortsPropertyNamesAndRelations() {
        sync.resync(sync.defaultMapping());

        Entity repo = sync.entity("githubRepository", "api");
        assertThat(repo.properties().path("readme").asText()).isEqualTo("# API\nServes the API.");
        assertThat(repo.properties().path("defaultBranch").asText()).isEqualTo("main");
        assertThat(repo.properties().path("url").asText()).isEqualTo("https://github.com/acme/api");
        assertThat(repo.relations().path("organization").asText()).isEqualTo("acme");
        assertThat(sync.entity("githubRepository", "ops").properties().path("visibility").asText()).isEqualTo("private");

        Entity pull = sync.entity("githubPullRequest", "api" + (100_000 + 7));
        assertThat(pull.properties().path("status").asText()).isEqualTo("open");
        assertThat(pull.properties().path("creator").asText()).isEqualTo("dev0");
        assertThat(pull.properties().path("reviewers").get(0).asText()).isEqualTo("dev2");
        assertThat(pull.properties().path("prNumber").asInt()).isEqualTo(7);
        assertThat(pull.relations().path("repository").asText()).isEqualTo("api");

        Entity team = sync.entity("githubTeam", "platform");
        assertThat(team.relations().path("team_member").toString()).isEqualTo("[\"alice\",\"bob\"]");
    }

    @Test
    void listsAreReadPageByPageThroughTheLinkHeader() {
        sync.resync(sync.defaultMapping());

        assertThat(sync.requests("/repos/acme/api/pulls")).extracting(FakeGithub.Request::pathAndQuery)
                .containsExactly("/repos/acme/api/pulls?state=open&per_page=100", "/repos/acme/api/pulls?state=open&per_page=100&page=2");
    }

    @Test
    void aNoChangeResyncSendsOneConditionalRequestPerListPageAndWritesNothing() {
        sync.resync(sync.defaultMapping());
        int firstRequests = sync.github.requests().size();
        sync.github.clearRequests();

        SyncReport second = sync.resync(sync.defaultMapping());

        assertThat(sync.github.requests()).hasSize(firstRequests);
        // Every answer that had an ETag is asked for again conditionally and costs nothing; only a 404 (ops has
        // no README, and GitHub gives a 404 no ETag) is asked for anew.
        assertThat(sync.github.requests()).allSatisfy(r -> {
            if (r.status() == 404) return;
            assertThat(r.ifNoneMatch()).as(r.pathAndQuery()).isNotNull();
            assertThat(r.status()).as(r.pathAndQuery()).isEqualTo(304);
        });
        assertThat(sync.github.requests()).filteredOn(r -> r.status() == 404).extracting(FakeGithub.Request::pathAndQuery)
                .containsExactly("/repos/acme/ops/contents/README.md?ref=main");
        assertThat(second.kinds()).allSatisfy(k -> {
            assertThat(k.ingestedCount()).as(k.kindIdentifier()).isZero();
            if (!k.kind().equals("repository")) assertThat(k.fetchFigures().get("requests")).isEqualTo(k.fetchFigures().get("not_modified"));
        });
        assertThat(second.reconciliation().deletedCount()).isZero();
    }

    @Test
    void fetchFiguresAreInTheReportAndInMetrics() {
        SyncReport report = sync.resync(sync.defaultMapping());

        var pulls = GithubHarness.kind(report, "pull-request");
        assertThat(pulls.fetchFigures()).containsEntry("requests", 5L); // two pages of api, one of web, one of ops, one repository list
        assertThat(pulls.fetchFigures().get("rate_limit_remaining")).isBetween(sync.github.rateLimitRemaining(), 4999L);
        assertThat(sync.meters.scrape()).contains("fetch_requests{integration=\"github-1\",kind=\"pull-request-4\"}");
        assertThat(report.toJson().at("/kinds/4/fetch/figures/requests").asLong()).isEqualTo(5);
    }
}
