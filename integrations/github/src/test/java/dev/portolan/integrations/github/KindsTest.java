package dev.portolan.integrations.github;

import dev.portolan.integrations.github.testing.FakeGithub;
import dev.portolan.integrations.github.testing.GithubObjects;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind through the fake: GitHub's objects with Port's enrichment, read with Port's selector fields. */
class KindsTest {

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
    void organizationIsTheOrganizationAsGithubDescribesIt() {
        assertThat(sync.fetchAll("organization", "{}")).extracting(o -> o.path("login").asText()).containsExactly("acme");
    }

    @Test
    void repositoriesCarryTheirOrganizationAndTheIncludedFiles() {
        List<JsonNode> repos = sync.fetchAll("repository", "{\"includedFiles\": [\"README.md\"]}");
        assertThat(repos).extracting(r -> r.path("name").asText()).containsExactly("api", "web", "ops");
        assertThat(repos).allSatisfy(r -> assertThat(r.path("__organization").asText()).isEqualTo("acme"));
        assertThat(repos.get(0).path("__includedFiles").path("README.md").asText()).isEqualTo("# API\nServes the API.");
        assertThat(repos.get(2).path("__includedFiles").path("README.md").isNull()).isTrue();
    }

    @Test
    void repositoryTypeIsAskedOfGithub() {
        sync.fetchAll("repository", "{\"repositoryType\": \"private\"}");
        assertThat(sync.requests("/orgs/acme/repos")).extracting(FakeGithub.Request::pathAndQuery).containsExactly("/orgs/acme/repos?type=private&per_page=100");
    }

    @Test
    void openPullRequestsCarryTheirRepositoryAndOrganization() {
        List<JsonNode> pulls = sync.fetchAll("pull-request", "{}");
        assertThat(pulls).hasSize(Fixtures.API_OPEN_PULLS + 2);
        assertThat(pulls.getFirst().path("__repository").asText()).isEqualTo("api");
        assertThat(pulls.getFirst().path("__organization").asText()).isEqualTo("acme");
    }

    @Test
    void closedPullRequestsAreLimitedByMaxResultsAndSince() {
        assertThat(sync.fetchAll("pull-request", "{\"states\": [\"closed\"], \"since\": 60}")).extracting(p -> p.path("number").asInt())
                .containsExactly(501, 502, 503, 504, 505);
        assertThat(sync.fetchAll("pull-request", "{\"states\": [\"closed\"], \"maxResults\": 2}")).extracting(p -> p.path("number").asInt())
                .containsExactly(501, 502);
        assertThat(sync.fetchAll("pull-request", "{\"states\": [\"open\", \"closed\"], \"since\": 3}")).hasSize(Fixtures.API_OPEN_PULLS + 2 + 3);
    }

    @Test
    void issuesLeaveOutThePullRequestsGithubListsAmongThem() {
        assertThat(sync.fetchAll("issue", "{}")).extracting(i -> i.path("number").asInt()).containsExactly(1, 2);
        assertThat(sync.fetchAll("issue", "{\"state\": \"all\"}")).extracting(i -> i.path("number").asInt()).containsExactly(1, 2, 3);
    }

    @Test
    void teamsCarryTheirMembersWhenAskedAsPortsMappingsReadThem() {
        List<JsonNode> teams = sync.fetchAll("team", "{}");
        assertThat(teams.getFirst().at("/members/nodes").findValuesAsText("login")).containsExactly("alice", "bob");
        assertThat(sync.fetchAll("team", "{\"members\": false}").getFirst().has("members")).isFalse();
    }

    @Test
    void usersAreTheOrganizationsMembers() {
        assertThat(sync.fetchAll("user", "{}")).extracting(u -> u.path("login").asText()).containsExactly("alice", "bob");
    }

    @Test
    void workflowsAndRunsAreReadFromGithubsWrappedLists() {
        assertThat(sync.fetchAll("workflow", "{}")).extracting(w -> w.path("name").asText() + "@" + w.path("__repository").asText())
                .containsExactly("build@api");
        assertThat(sync.fetchAll("workflow-run", "{}")).extracting(r -> r.path("id").asLong()).containsExactly(7001L, 7002L);
    }

    @Test
    void releasesTagsEnvironmentsDeploymentsAndCollaboratorsCarryTheirRepository() {
        for (String kind : List.of("release", "tag", "environment", "deployment", "collaborator")) {
            List<JsonNode> objects = sync.fetchAll(kind, "{}");
            assertThat(objects).as(kind).hasSize(1);
            assertThat(objects.getFirst().path("__repository").asText()).as(kind).isEqualTo("api");
        }
    }

    @Test
    void branchesCarryTheirProtectionRulesWhenAsked() {
        List<JsonNode> branches = sync.fetchAll("branch", "{\"protectionRules\": true}");
        assertThat(branches).extracting(b -> b.path("name").asText()).containsExactly("main", "feature-x");
        assertThat(branches.get(0).at("/__protectionRules/required_pull_request_reviews/required_approving_review_count").asInt()).isEqualTo(2);
        assertThat(branches.get(1).path("__protectionRules").isNull()).isTrue();
        assertThat(sync.fetchAll("branch", "{}").getFirst().has("__protectionRules")).isFalse();
    }

    @Test
    void alertsAreReadInTheStatesAsked() {
        assertThat(sync.fetchAll("dependabot-alert", "{}")).extracting(a -> a.path("state").asText()).containsExactly("open");
        assertThat(sync.fetchAll("dependabot-alert", "{\"states\": [\"open\", \"fixed\"]}")).hasSize(2);
        assertThat(sync.fetchAll("code-scanning-alerts", "{}")).extracting(a -> a.path("state").asText()).containsExactly("open");
        assertThat(sync.fetchAll("code-scanning-alerts", "{\"state\": \"dismissed\"}")).extracting(a -> a.path("number").asInt()).containsExactly(2);
    }

    @Test
    void filesMatchingAGlobArePortsFileObjectsWithTheirContentParsed() {
        List<JsonNode> files = sync.fetchAll("file", "{\"files\": [{\"path\": \"services/*/service.json\", \"repos\": [{\"name\": \"api\", \"branch\": \"main\"}]}]}");
        assertThat(files).extracting(f -> f.path("path").asText())
                .containsExactlyInAnyOrder("services/orders/service.json", "services/billing/service.json");
        JsonNode orders = files.stream().filter(f -> f.path("path").asText().contains("orders")).findFirst().orElseThrow();
        assertThat(orders.path("content").path("tier").asInt()).isEqualTo(1);
        assertThat(orders.path("repository").path("name").asText()).isEqualTo("api");
        assertThat(orders.path("branch").asText()).isEqualTo("main");
        assertThat(orders.path("organization").asText()).isEqualTo("acme");
        assertThat(orders.at("/metadata/path").asText()).isEqualTo("services/orders/service.json");
        assertThat(sync.reporter.notes()).anySatisfy(n -> assertThat(n).contains("services/broken/service.json is not valid JSON"));
    }

    @Test
    void aYamlFileOfSeveralDocumentsIsAnArrayAndAPlainPathIsReadWithoutListingTheTree() {
        List<JsonNode> files = sync.fetchAll("file", "{\"files\": [{\"path\": \"port.yml\"}]}");
        assertThat(files).hasSize(1);
        assertThat(files.getFirst().path("content").findValuesAsText("identifier")).containsExactly("api", "api-worker");
        assertThat(sync.requests("/git/trees")).isEmpty();
    }

    @Test
    void foldersMatchingAGlobArePortsFolderObjects() {
        List<JsonNode> folders = sync.fetchAll("folder", "{\"folders\": [{\"path\": \"services/*\", \"repos\": [{\"name\": \"api\"}]}]}");
        assertThat(folders).extracting(f -> f.at("/folder/path").asText())
                .containsExactly("services/billing", "services/broken", "services/orders");
        assertThat(folders.getFirst().at("/__repository/name").asText()).isEqualTo("api");
        assertThat(folders.getFirst().path("__branch").asText()).isEqualTo("main");
        assertThat(folders.getFirst().path("__organization").asText()).isEqualTo("acme");
    }
}
