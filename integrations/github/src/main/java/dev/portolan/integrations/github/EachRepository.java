package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.sync.spi.FetchException;

/** Repository-scoped kinds (pull requests, issues, branches, ...): for each repository in scope, its own pages. */
final class EachRepository {

    private EachRepository() {}

    /** The pages of each repository in scope ({@link Repositories}). */
    static Pages of(Scope scope, Nested.Children perRepository) throws FetchException {
        return new Nested(new Repositories(scope, repo -> repo), perRepository);
    }

    /** {@code /repos/{owner}/{name}} of a repository object. */
    static String path(JsonNode repository) {
        return "/repos/" + repository.path("full_name").asText();
    }

    /** Port's enrichment of a repository-scoped object: {@code __repository} (the name) and {@code __organization}. */
    static JsonNode enriched(JsonNode object, JsonNode repository) {
        if (object instanceof ObjectNode o) {
            o.put("__repository", repository.path("name").asText());
            o.put("__organization", repository.path("owner").path("login").asText(repository.path("__organization").asText()));
        }
        return object;
    }

    /** A repository's list at {@code suffix} (e.g. {@code /releases}), each object enriched; a vanished repository is skipped with a note. */
    static ListPages list(Scope scope, JsonNode repository, String suffix, String itemsKey) {
        return new ListPages(scope.client, path(repository) + suffix, itemsKey, object -> enriched(object, repository), scope.reporter,
                "repository " + repository.path("full_name").asText() + " answered 404 for " + suffix
                        + " (deleted since it was listed, or the feature is off); skipped");
    }
}
