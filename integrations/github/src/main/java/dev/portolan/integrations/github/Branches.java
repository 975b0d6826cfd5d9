package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.sync.spi.FetchException;

/**
 * The {@code branch} kind: each branch of each repository with {@code __repository} and
 * {@code __organization}; with {@code detailed: true} as {@code GET .../branches/{name}} gives it;
 * with {@code protectionRules: true} its protection ({@code GET .../branches/{name}/protection}) under
 * {@code __protectionRules} for protected branches (null where there is none or it cannot be read).
 */
final class Branches {

    private Branches() {}

    static Pages pages(Scope scope) throws FetchException {
        boolean detailed = scope.flag("detailed", false);
        boolean protection = scope.flag("protectionRules", false);
        return EachRepository.of(scope, repo -> new ListPages(scope.client, EachRepository.path(repo) + "/branches", null,
                branch -> enrich(scope, repo, branch, detailed, protection), scope.reporter,
                "repository " + repo.path("full_name").asText() + " was not found (deleted since it was listed?); skipped"));
    }

    private static JsonNode enrich(Scope scope, JsonNode repo, JsonNode branch, boolean detailed, boolean protection) throws FetchException {
        String base = EachRepository.path(repo) + "/branches/" + branch.path("name").asText();
        JsonNode result = branch;
        if (detailed) {
            JsonNode detail = scope.client.get(base);
            if (detail != null) result = detail;
        }
        if (protection) {
            JsonNode rules = branch.path("protected").asBoolean() ? scope.client.get(base + "/protection") : null;
            ((ObjectNode) result).set("__protectionRules", rules);
        }
        return EachRepository.enriched(result, repo);
    }
}
