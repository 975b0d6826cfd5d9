package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code repository} kind: one object per repository, with its head commit, history figures,
 * languages, README, license, CODEOWNERS and top contributors (docs/integrations/git.md shows one).
 */
final class RepositoryReader implements KindReader {

    static final int TOP_CONTRIBUTORS = 10;

    @Override
    public void read(OpenedRepository repository, ReadRequest request, Consumer<ObjectNode> sink) throws IOException {
        RepositoryLocation location = repository.location();
        ObjectNode object = Json.object().put("name", location.name()).put("full_name", location.fullName())
                .put("url", location.location()).put("remote", location.remote()).put("default_branch", repository.branch());
        History history = History.read(repository);
        object.set("head_commit", headCommit(repository));
        object.set("last_commit_at", object.path("head_commit").path("committer").path("date"));
        object.put("commit_count", history.commitCount);
        ArrayNode top = object.putArray("top_contributors");
        for (History.Author author : history.top(TOP_CONTRIBUTORS)) {
            top.addObject().put("login", author.login).put("name", author.name).put("commits", author.commits);
        }
        Optional<HeadTree> opened = HeadTree.of(repository);
        if (opened.isEmpty()) {
            object.putObject("languages");
            object.put("size", 0);
            sink.accept(object);
            return;
        }
        try (HeadTree tree = opened.get()) {
            describeTree(repository, tree, object);
            ObjectNode included = object.putObject("__includedFiles");
            for (String path : request.strings("includedFiles")) {
                included.put(path, tree.text(stripSlash(path)).orElse(null));
            }
        }
        sink.accept(object);
    }

    private static void describeTree(OpenedRepository repository, HeadTree tree, ObjectNode object) throws IOException {
        TreeSizes sizes = TreeSizes.read(repository, tree);
        object.put("language", sizes.languages().main());
        ObjectNode shares = object.putObject("languages");
        sizes.languages().shares().forEach(shares::put);
        object.put("size", sizes.size());
        Optional<String> readme = tree.find("", "README.md", "README", "README.markdown", "README.rst", "README.txt", "README.adoc");
        object.put("readme", readme.isPresent() ? tree.text(readme.get()).orElse(null) : null);
        Optional<String> license = tree.find("", "LICENSE", "LICENSE.md", "LICENSE.txt", "COPYING", "LICENCE");
        if (license.isPresent() && tree.text(license.get()).isPresent()) {
            Licenses.License detected = Licenses.detect(tree.text(license.get()).get());
            object.putObject("license").put("spdx_id", detected.spdxId()).put("name", detected.name()).put("path", license.get());
        } else {
            object.putNull("license");
        }
        CodeOwners owners = null;
        for (String location : CodeOwners.LOCATIONS) {
            Optional<String> text = tree.text(location);
            if (text.isPresent()) {
                owners = CodeOwners.parse(text.get());
                break;
            }
        }
        object.set("codeowners", owners == null ? Json.array() : owners.toJson());
        ArrayNode list = object.putArray("owners");
        if (owners != null) owners.repositoryOwners().forEach(list::add);
    }

    private static ObjectNode headCommit(OpenedRepository repository) throws IOException {
        if (repository.head() == null) return null;
        try (RevWalk walk = new RevWalk(repository.repository())) {
            RevCommit commit = walk.parseCommit(repository.head());
            ObjectNode head = Json.object().put("sha", commit.name()).put("message", commit.getFullMessage().strip());
            head.set("author", RawObjects.person(commit.getAuthorIdent()));
            head.set("committer", RawObjects.person(commit.getCommitterIdent()));
            return head;
        }
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
