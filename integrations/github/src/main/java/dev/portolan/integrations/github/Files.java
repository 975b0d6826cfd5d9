package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.files.FileContent;
import dev.portolan.sync.files.PathGlob;
import dev.portolan.sync.spi.FetchException;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code file} kind, with Port's selector {@code files: [{path, repos: [{name, branch}],
 * organization, skipParsing}]}: every file whose path matches the glob, in the repositories named
 * (or all), at the branch named (or the default one), as Port shapes it: {@code {organization,
 * content, repository, branch, path, name, metadata: {url, path, size}}}, the content parsed as
 * JSON or YAML by its extension unless {@code skipParsing}. A path without wildcards is read
 * directly; a glob lists the branch's tree first. A file that does not parse is noted and skipped.
 */
final class Files {

    private Files() {}

    static Pages pages(Scope scope) throws FetchException {
        JsonNode patterns = scope.selector.get("files");
        if (patterns == null || !patterns.isArray() || patterns.isEmpty()) {
            throw new FetchException("selector.files is required for the file kind: a list of {path, repos}", false);
        }
        List<Pages> all = new ArrayList<>();
        for (JsonNode pattern : patterns) {
            if (!pattern.hasNonNull("path")) throw new FetchException("selector.files[].path is required: a path or glob", false);
            PathGlob glob = rooted(pattern.get("path").asText());
            boolean skipParsing = pattern.path("skipParsing").asBoolean(false);
            all.add(new Nested(RepositorySelection.of(scope, pattern), repo -> Pages.of(matches(scope, repo, glob, skipParsing))));
        }
        return PullRequests.concat(all);
    }

    /** The matching files of one pushed repository and branch, for the patterns that apply to them. */
    static List<JsonNode> forPush(Scope scope, JsonNode repo, String branch) throws FetchException {
        List<JsonNode> files = new ArrayList<>();
        JsonNode patterns = scope.selector.path("files");
        for (JsonNode pattern : patterns) {
            JsonNode selected = RepositorySelection.appliesTo(pattern, repo, branch);
            if (selected != null && pattern.hasNonNull("path")) {
                files.addAll(matches(scope, selected, rooted(pattern.get("path").asText()), pattern.path("skipParsing").asBoolean(false)));
            }
        }
        return files;
    }

    private static List<JsonNode> matches(Scope scope, JsonNode repo, PathGlob glob, boolean skipParsing) throws FetchException {
        String branch = RepositorySelection.branch(repo);
        List<String> paths = new ArrayList<>();
        if (isLiteral(glob.toString())) {
            paths.add(glob.toString().substring(1));
        } else {
            for (JsonNode entry : RepositoryFiles.tree(scope, repo, branch)) {
                if ("blob".equals(entry.path("type").asText()) && glob.matches(entry.path("path").asText())) paths.add(entry.path("path").asText());
            }
        }
        List<JsonNode> files = new ArrayList<>();
        for (String path : paths) {
            JsonNode file = RepositoryFiles.file(scope, repo, path, branch);
            if (file == null) continue;
            JsonNode object = object(scope, repo, branch, file, skipParsing);
            if (object != null) files.add(object);
        }
        return files;
    }

    private static JsonNode object(Scope scope, JsonNode repo, String branch, JsonNode file, boolean skipParsing) {
        String path = file.path("path").asText();
        String text = RepositoryFiles.decode(file);
        JsonNode content;
        try {
            content = skipParsing ? Json.MAPPER.getNodeFactory().textNode(text) : FileContent.parse(path, text);
        } catch (FileContent.Unparsable e) {
            scope.reporter.note(repo.path("full_name").asText() + "@" + branch + ": " + e.getMessage() + "; skipped");
            return null;
        }
        ObjectNode object = Json.object();
        object.put("organization", repo.path("__organization").asText(repo.path("owner").path("login").asText()));
        object.set("content", content);
        object.set("repository", repo);
        object.put("branch", branch);
        object.put("path", path);
        object.put("name", file.path("name").asText());
        object.putObject("metadata").put("url", file.path("url").asText()).put("path", path).put("size", file.path("size").asLong());
        return object;
    }

    private static boolean isLiteral(String glob) {
        return glob.indexOf('*') < 0 && glob.indexOf('?') < 0;
    }

    /**
     * As in Port's GitHub integration, a path is relative to the repository's root ({@code port.yml} is
     * the root's file, {@code **}{@code /port.yml} any), unlike a bare name in the Git integration's globs.
     */
    static PathGlob rooted(String path) {
        return PathGlob.of(path.startsWith("/") ? path : "/" + path);
    }
}
