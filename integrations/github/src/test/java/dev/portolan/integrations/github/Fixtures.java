package dev.portolan.integrations.github;

import dev.portolan.integrations.github.testing.FakeGithub;
import dev.portolan.integrations.github.testing.GithubObjects;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.sync.testing.TestClock;

import java.time.Duration;

/** A small organization in the fake: three repositories and some of everything. */
final class Fixtures {

    static final int API_OPEN_PULLS = 150;

    private Fixtures() {}

    static void acme(FakeGithub github) {
        ObjectNode api = github.addRepository("api");
        ObjectNode web = github.addRepository("web");
        github.addRepository("ops");
        for (int n = 1; n <= API_OPEN_PULLS; n++) github.add("api", "pulls", GithubObjects.pull(api, n, "open", GithubObjects.CREATED));
        for (int n = 1; n <= 5; n++) {
            github.add("api", "pulls", GithubObjects.pull(api, 500 + n, "closed", daysAgo(n)));
        }
        github.add("api", "pulls", GithubObjects.pull(api, 600, "closed", daysAgo(100)));
        github.add("web", "pulls", GithubObjects.pull(web, 1, "open", GithubObjects.CREATED));
        github.add("web", "pulls", GithubObjects.pull(web, 2, "open", GithubObjects.CREATED));
        github.add("api", "issues", GithubObjects.issue(api, 1, "open"));
        github.add("api", "issues", GithubObjects.issue(api, 2, "open"));
        github.add("api", "issues", GithubObjects.issue(api, 3, "closed"));
        ObjectNode pullAsIssue = GithubObjects.issue(api, 4, "open");
        pullAsIssue.putObject("pull_request").put("url", api.path("url").asText() + "/pulls/4");
        github.add("api", "issues", pullAsIssue);
        github.addMember("alice");
        github.addMember("bob");
        github.addTeam("platform", "alice", "bob");
        github.addTeam("web-team", "bob");
        github.add("api", "workflows", GithubObjects.workflow(11, "build"));
        github.add("api", "runs", GithubObjects.run(api, 7001, 11, "completed", "success"));
        github.add("api", "runs", GithubObjects.run(api, 7002, 11, "in_progress", null));
        github.add("api", "releases", GithubObjects.release(31, "v1.0.0"));
        github.add("api", "tags", GithubObjects.tag("v1.0.0"));
        github.add("api", "branches", GithubObjects.branch("main", true));
        github.add("api", "branches", GithubObjects.branch("feature-x", false));
        github.protect("api", "main", GithubObjects.protection(2));
        github.add("api", "environments", GithubObjects.environment(41, "production"));
        github.add("api", "deployments", GithubObjects.deployment(51, "production"));
        github.add("api", "dependabot", GithubObjects.dependabotAlert(1, "open", "high"));
        github.add("api", "dependabot", GithubObjects.dependabotAlert(2, "fixed", "low"));
        github.add("api", "code-scanning", GithubObjects.codeScanningAlert(1, "open"));
        github.add("api", "code-scanning", GithubObjects.codeScanningAlert(2, "dismissed"));
        github.add("api", "collaborators", GithubObjects.collaborator("alice", 100, "admin"));
        github.addFile("api", "README.md", "# API\nServes the API.");
        github.addFile("api", "port.yml", "identifier: api\n---\nidentifier: api-worker\n");
        github.addFile("api", "services/orders/service.json", "{\"name\": \"orders\", \"tier\": 1}");
        github.addFile("api", "services/billing/service.json", "{\"name\": \"billing\", \"tier\": 2}");
        github.addFile("api", "services/broken/service.json", "{\"name\": ");
        github.addFile("web", "README.md", "# Web");
    }

    static String daysAgo(int days) {
        return TestClock.START.minus(Duration.ofDays(days)).toString();
    }
}
