package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.sync.spi.FetchException;

import java.util.List;

/**
 * Port's {@code selector.includedFiles} of the {@code repository} kind: the text of each listed file
 * of the default branch under {@code __includedFiles.<path>} (null when the repository has no such file).
 */
final class IncludedFiles implements Pages.Enricher {

    private final Scope scope;
    private final List<String> paths;

    IncludedFiles(Scope scope) {
        this.scope = scope;
        this.paths = scope.texts("includedFiles", List.of());
    }

    @Override
    public JsonNode enrich(JsonNode repo) throws FetchException {
        if (paths.isEmpty()) return repo;
        ObjectNode files = ((ObjectNode) repo).putObject("__includedFiles");
        for (String path : paths) files.put(path, RepositoryFiles.text(scope, repo, path, RepositoryFiles.branch(repo, null)));
        return repo;
    }
}
