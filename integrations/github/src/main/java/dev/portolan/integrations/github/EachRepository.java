package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.sync.spi.FetchException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A repository-scoped kind (pull requests, issues, branches, ...): for each repository in scope,
 * its own pages. Holds one page of repositories and one page of the kind at a time.
 */
final class EachRepository implements Pages {

    /** The pages of one repository. */
    @FunctionalInterface
    interface PerRepository {
        Pages pages(JsonNode repository) throws FetchException;
    }

    private final Pages repositories;
    private final PerRepository perRepository;
    private final Deque<JsonNode> pending = new ArrayDeque<>();
    private Pages current;
    private boolean repositoriesDone;

    EachRepository(Scope scope, PerRepository perRepository) throws FetchException {
        this(new Repositories(scope, repo -> repo), perRepository);
    }

    /** For the repositories {@code repositories} gives (e.g. those a selector lists). */
    EachRepository(Pages repositories, PerRepository perRepository) {
        this.repositories = repositories;
        this.perRepository = perRepository;
    }

    @Override
    public List<JsonNode> next() throws FetchException {
        while (true) {
            if (current != null) {
                List<JsonNode> page = current.next();
                if (page != null) return page;
                current = null;
            }
            if (pending.isEmpty()) {
                if (repositoriesDone) return null;
                List<JsonNode> page = repositories.next();
                if (page == null) {
                    repositoriesDone = true;
                    return null;
                }
                pending.addAll(page);
                continue;
            }
            current = perRepository.pages(pending.poll());
        }
    }

    /** {@code /repos/{owner}/{name}} of a repository object. */
    static String path(JsonNode repository) {
        return "/repos/" + repository.path("full_name").asText();
    }

    /** Port's enrichment of a repository-scoped object: {@code __repository} (the name) and {@code __organization}. */
    static JsonNode enriched(JsonNode object, JsonNode repository) {
        if (object instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
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
