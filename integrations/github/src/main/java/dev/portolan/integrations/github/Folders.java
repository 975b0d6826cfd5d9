package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.files.PathGlob;
import dev.portolan.sync.spi.FetchException;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code folder} kind, with Port's selector {@code folders: [{path, repos: [{name, branch}],
 * organization}]}: every directory of the branch's tree whose path matches the glob, shaped as Port
 * does: {@code {folder: {path, mode, type, sha, url}, __repository: <repository>, __organization, __branch}}.
 */
final class Folders {

    private Folders() {}

    static Pages pages(Scope scope) throws FetchException {
        JsonNode patterns = scope.selector.get("folders");
        if (patterns == null || !patterns.isArray() || patterns.isEmpty()) {
            throw new FetchException("selector.folders is required for the folder kind: a list of {path, repos}", false);
        }
        List<Pages> all = new ArrayList<>();
        for (JsonNode pattern : patterns) {
            PathGlob glob = Files.rooted(pattern.path("path").asText("*"));
            all.add(new Nested(RepositorySelection.of(scope, pattern), repo -> Pages.of(matches(scope, repo, glob))));
        }
        return PullRequests.concat(all);
    }

    /** The matching folders of one pushed repository and branch, for the patterns that apply to them. */
    static List<JsonNode> forPush(Scope scope, JsonNode repo, String branch) throws FetchException {
        List<JsonNode> folders = new ArrayList<>();
        for (JsonNode pattern : scope.selector.path("folders")) {
            JsonNode selected = RepositorySelection.appliesTo(pattern, repo, branch);
            if (selected != null) folders.addAll(matches(scope, selected, Files.rooted(pattern.path("path").asText("*"))));
        }
        return folders;
    }

    private static List<JsonNode> matches(Scope scope, JsonNode repo, PathGlob glob) throws FetchException {
        String branch = RepositorySelection.branch(repo);
        List<JsonNode> folders = new ArrayList<>();
        for (JsonNode entry : RepositoryFiles.tree(scope, repo, branch)) {
            if (!"tree".equals(entry.path("type").asText()) || !glob.matches(entry.path("path").asText())) continue;
            ObjectNode folder = Json.object();
            folder.set("folder", entry);
            folder.set("__repository", repo);
            folder.put("__organization", repo.path("__organization").asText(repo.path("owner").path("login").asText()));
            folder.put("__branch", branch);
            folders.add(folder);
        }
        return folders;
    }
}
