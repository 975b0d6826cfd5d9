package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.sync.spi.FetchException;

import java.util.ArrayList;
import java.util.List;

/**
 * The repositories a {@code files} or {@code folders} pattern names ({@code repos: [{name, branch}]},
 * in its {@code organization} or the first in scope), each read once ({@code GET /repos/{org}/{name}})
 * and carrying the branch asked for under {@code __branch}; or, when it names none, every repository
 * in scope on its default branch.
 */
final class RepositorySelection {

    private RepositorySelection() {}

    static Pages of(Scope scope, JsonNode pattern) throws FetchException {
        JsonNode repos = pattern.get("repos");
        if (repos == null || repos.isNull() || repos.isEmpty()) return new Repositories(scope, repo -> repo);
        List<JsonNode> named = new ArrayList<>();
        repos.forEach(named::add);
        return new Pages() {
            private int index;

            @Override
            public List<JsonNode> next() throws FetchException {
                if (index >= named.size()) return null;
                JsonNode entry = named.get(index++);
                String org = pattern.hasNonNull("organization") ? pattern.get("organization").asText() : scope.organizations().getFirst();
                String name = entry.isTextual() ? entry.asText() : entry.path("name").asText();
                JsonNode repo = scope.client.get("/repos/" + org + "/" + name);
                if (repo == null) {
                    scope.reporter.note("repository " + org + "/" + name + " named in the selector was not found; skipped");
                    return List.of();
                }
                Repositories.withOrganization(repo, org);
                if (entry.hasNonNull("branch")) ((com.fasterxml.jackson.databind.node.ObjectNode) repo).put("__branch", entry.get("branch").asText());
                return List.of(repo);
            }
        };
    }

    /**
     * {@code repo} as the pattern selects it when a push to {@code branch} concerns the pattern (the
     * repository is named, or none is, and the branch is the one read), else null.
     */
    static JsonNode appliesTo(JsonNode pattern, JsonNode repo, String branch) {
        JsonNode repos = pattern.get("repos");
        if (repos == null || repos.isNull() || repos.isEmpty()) {
            return branch.equals(RepositoryFiles.branch(repo, null)) ? repo : null;
        }
        for (JsonNode entry : repos) {
            String name = entry.isTextual() ? entry.asText() : entry.path("name").asText();
            if (!name.equals(repo.path("name").asText())) continue;
            JsonNode selected = repo.deepCopy();
            if (entry.hasNonNull("branch")) ((com.fasterxml.jackson.databind.node.ObjectNode) selected).put("__branch", entry.get("branch").asText());
            if (branch.equals(branch(selected))) return selected;
        }
        return null;
    }

    /** The branch a selected repository is read at: the one named, else its default branch. */
    static String branch(JsonNode repo) {
        return RepositoryFiles.branch(repo, repo.hasNonNull("__branch") ? repo.get("__branch").asText() : null);
    }
}
