package dev.portolan.integrations.github;

import dev.portolan.sync.spi.FetchException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every kind the GitHub integration fetches, the pages that read it, and the selector fields it
 * takes besides {@code query} (Port's names). Objects are GitHub's REST objects, enriched as Port's
 * GitHub integration enriches them.
 */
final class GithubKinds {

    /** Reads one kind. */
    @FunctionalInterface
    interface Reader {
        Pages pages(Scope scope) throws FetchException;
    }

    record Kind(Reader reader, Set<String> selectorFields) {}

    static final Map<String, Kind> ALL = new LinkedHashMap<>();

    static {
        kind("organization", Organizations::new);
        kind("repository", scope -> new Repositories(scope, new IncludedFiles(scope)), "repositoryType", "includedFiles");
        kind("user", scope -> EachOrganization.of(scope, org -> EachOrganization.list(scope, org, "/members", user -> user)));
        kind("team", Teams::pages, "members");
        kind("pull-request", PullRequests::pages, "states", "state", "maxResults", "since", "repositoryType");
        kind("issue", scope -> perRepository(scope, "/issues?state=" + scope.text("state", "open"), null, true), "state", "repositoryType");
        kind("workflow", scope -> perRepository(scope, "/actions/workflows", "workflows", false), "repositoryType");
        kind("workflow-run", scope -> EachRepository.of(scope, repo -> EachRepository.list(scope, repo, "/actions/runs", "workflow_runs")
                .limit(scope.number("maxRuns", 100))), "maxRuns", "repositoryType");
        kind("release", scope -> perRepository(scope, "/releases", null, false), "repositoryType");
        kind("tag", scope -> perRepository(scope, "/tags", null, false), "repositoryType");
        kind("branch", Branches::pages, "detailed", "protectionRules", "repositoryType");
        kind("environment", scope -> perRepository(scope, "/environments", "environments", false), "repositoryType");
        kind("deployment", scope -> perRepository(scope, "/deployments", null, false), "repositoryType");
        kind("dependabot-alert", scope -> perRepository(scope, "/dependabot/alerts?state="
                + String.join(",", scope.texts("states", java.util.List.of("open"))), null, false), "states", "repositoryType");
        kind("code-scanning-alerts", scope -> perRepository(scope, "/code-scanning/alerts?state="
                + scope.texts("states", java.util.List.of(scope.text("state", "open"))).getFirst(), null, false), "state", "states", "repositoryType");
        kind("collaborator", scope -> perRepository(scope, "/collaborators", null, false), "repositoryType");
        kind("file", Files::pages, "files");
        kind("folder", Folders::pages, "folders");
    }

    private GithubKinds() {}

    private static void kind(String name, Reader reader, String... selectorFields) {
        ALL.put(name, new Kind(reader, Set.of(selectorFields)));
    }

    /** A list of each repository, enriched; {@code issuesOnly} drops the pull requests GitHub lists among issues. */
    private static Pages perRepository(Scope scope, String suffix, String itemsKey, boolean issuesOnly) throws FetchException {
        return EachRepository.of(scope, repo -> {
            ListPages pages = EachRepository.list(scope, repo, suffix, itemsKey);
            return issuesOnly ? pages.keep(issue -> !issue.has("pull_request")) : pages;
        });
    }
}
