package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.sync.spi.FetchException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reading a repository's tree and files through the contents and git-trees APIs. */
final class RepositoryFiles {

    private RepositoryFiles() {}

    /** A file's text at {@code ref} (a branch), or null when it does not exist there. */
    static String text(Scope scope, JsonNode repo, String path, String ref) throws FetchException {
        JsonNode file = scope.client.get(EachRepository.path(repo) + "/contents/" + encodePath(path) + "?ref=" + encode(ref));
        if (file == null || !"file".equals(file.path("type").asText("file")) || !file.has("content")) return null;
        return decode(file);
    }

    /** The metadata of a file (the contents API's answer) or null. */
    static JsonNode file(Scope scope, JsonNode repo, String path, String ref) throws FetchException {
        JsonNode file = scope.client.get(EachRepository.path(repo) + "/contents/" + encodePath(path) + "?ref=" + encode(ref));
        return file == null || !file.has("content") ? null : file;
    }

    static String decode(JsonNode file) {
        String content = file.path("content").asText("");
        if (!"base64".equals(file.path("encoding").asText("base64"))) return content;
        return new String(Base64.getMimeDecoder().decode(content), StandardCharsets.UTF_8);
    }

    /**
     * The entries of a branch's tree (recursive): {@code {path, mode, type, sha, size, url}}; empty when
     * the branch or repository is gone. GitHub truncates very large trees, which is noted.
     */
    static List<JsonNode> tree(Scope scope, JsonNode repo, String ref) throws FetchException {
        JsonNode tree = scope.client.get(EachRepository.path(repo) + "/git/trees/" + encode(ref) + "?recursive=1");
        List<JsonNode> entries = new ArrayList<>();
        if (tree == null) {
            scope.reporter.note("repository " + repo.path("full_name").asText() + " has no branch '" + ref + "' (or was deleted); skipped");
            return entries;
        }
        if (tree.path("truncated").asBoolean()) {
            scope.reporter.note("the tree of " + repo.path("full_name").asText() + "@" + ref + " is too large for one answer; GitHub truncated it");
        }
        tree.path("tree").forEach(entries::add);
        return entries;
    }

    static String branch(JsonNode repo, String given) {
        return given == null || given.isBlank() ? repo.path("default_branch").asText("main") : given;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String path) {
        String[] parts = (path.startsWith("/") ? path.substring(1) : path).split("/");
        List<String> encoded = new ArrayList<>();
        for (String part : parts) encoded.add(encode(part));
        return String.join("/", encoded);
    }
}
