package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.files.FileFolders;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.spi.FetchContext;
import dev.portolan.sync.spi.FetchException;
import dev.portolan.sync.spi.Fetcher;
import dev.portolan.sync.spi.Page;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.portolan.integrations.git.TestRepository.ADA;
import static dev.portolan.integrations.git.TestRepository.GRACE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The raw objects of each kind as docs/integrations/git.md shows them, read straight from the
 * integration's fetchers (no mapping in between), and the settings that decide what is read:
 * {@code commitDepth}, {@code scanDepth}, the selectors' {@code includedFiles}.
 */
class KindsTest {

    private static final String README = "# payments\n";
    private static final String LICENSE = "MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n";
    private static final String CODEOWNERS = "*  @acme/platform\n/docs/  @acme/writers ada@example.com\n";
    private static final String MAIN_V1 = "class Main {}\n";
    private static final String MAIN_V2 = "class Main {\n  int x;\n}\n";
    private static final String RUN = "#!/bin/sh\necho run\n";
    /** Grace again, from another address: the same person. */
    private static final PersonIdent GRACE_AT_WORK = new PersonIdent("Grace Hopper", "grace@navy.mil");

    @TempDir
    Path temp;

    private final List<String> reads = new ArrayList<>();
    private GitIntegration integration;

    private GitIntegration integration() {
        if (integration == null) {
            integration = new GitIntegration(temp.resolve("data"), FileFolders.of(List.of(temp)), Duration.ZERO,
                    (kind, repository) -> reads.add(kind + ":" + repository));
        }
        return integration;
    }

    /** Three commits: Ada starts it, Grace grows Main.java, then (from another address) renames a script. */
    private TestRepository payments() {
        TestRepository repo = TestRepository.init(temp.resolve("repos/payments"));
        repo.write("README.md", README).write("LICENSE", LICENSE).write(".github/CODEOWNERS", CODEOWNERS)
                .write("src/Main.java", MAIN_V1).write("scripts/run.sh", RUN).commit("Initial commit", ADA);
        repo.write("src/Main.java", MAIN_V2).commit("Grow Main", GRACE);
        repo.rename("scripts/run.sh", "bin/run.sh").commit("Move scripts to bin\n\nBecause bin is where they go.", GRACE_AT_WORK);
        return repo;
    }

    private Settings settings(String json) {
        return integration().settings().parse(Json.parse(json));
    }

    private List<JsonNode> fetch(String kind, Settings settings, String selector) throws FetchException {
        reads.clear();
        Fetcher fetcher = integration().fetcher(kind, new FetchContext("git-1", settings, (ObjectNode) Json.parse(selector), () -> false));
        List<JsonNode> objects = new ArrayList<>();
        String cursor = null;
        do {
            Page page = fetcher.fetch(cursor);
            objects.addAll(page.objects());
            cursor = page.nextCursor();
        } while (cursor != null);
        return objects;
    }

    private static RevCommit head(TestRepository repo) throws Exception {
        return repo.git().log().setMaxCount(1).call().iterator().next();
    }

    @Test
    void aRepositoryObjectCarriesItsHeadCommitHistorySizeLicenseCodeOwnersAndTopContributors() throws Exception {
        TestRepository repo = payments();
        RevCommit head = head(repo);

        List<JsonNode> objects = fetch("repository", settings(GitSync.settingsFor(repo.folder())), "{\"query\": \"true\"}");

        assertThat(objects).hasSize(1);
        JsonNode r = objects.getFirst();
        assertThat(r.path("name").asText()).isEqualTo("payments");
        assertThat(r.path("full_name").asText()).isEqualTo("payments");
        assertThat(r.path("url").asText()).isEqualTo(repo.folder().toString());
        assertThat(r.path("remote").asBoolean()).isFalse();
        assertThat(r.path("default_branch").asText()).isEqualTo("main");
        assertThat(r.path("head_commit").path("sha").asText()).isEqualTo(head.name());
        assertThat(r.path("head_commit").path("message").asText()).isEqualTo("Move scripts to bin\n\nBecause bin is where they go.");
        assertThat(r.path("head_commit").path("author").path("email").asText()).isEqualTo("grace@navy.mil");
        assertThat(r.path("head_commit").path("author").path("date").asText())
                .isEqualTo(head.getAuthorIdent().getWhenAsInstant().toString());
        assertThat(r.path("last_commit_at")).isEqualTo(r.path("head_commit").path("committer").path("date"));
        assertThat(r.path("commit_count").asInt()).isEqualTo(3);
        assertThat(r.path("top_contributors").toString())
                .isEqualTo("[{\"login\":\"grace-hopper\",\"name\":\"Grace Hopper\",\"commits\":2},"
                        + "{\"login\":\"ada-lovelace\",\"name\":\"Ada Lovelace\",\"commits\":1}]");
        assertThat(r.path("size").asLong())
                .isEqualTo(README.length() + LICENSE.length() + CODEOWNERS.length() + MAIN_V2.length() + RUN.length());
        assertThat(r.path("language").asText()).isEqualTo("Java");
        assertThat(r.path("languages").toString()).isEqualTo("{\"Java\":0.5581,\"Shell\":0.4419}"); // 24 and 19 bytes
        assertThat(r.path("readme").asText()).isEqualTo(README);
        assertThat(r.path("license").toString()).isEqualTo("{\"spdx_id\":\"MIT\",\"name\":\"MIT License\",\"path\":\"LICENSE\"}");
        assertThat(r.path("codeowners").toString()).isEqualTo("[{\"pattern\":\"*\",\"owners\":[\"@acme/platform\"]},"
                + "{\"pattern\":\"/docs/\",\"owners\":[\"@acme/writers\",\"ada@example.com\"]}]");
        assertThat(r.path("owners")).extracting(JsonNode::asText).containsExactly("@acme/platform");
    }

    @Test
    void theRepositorySelectorsIncludedFilesAreAddedWithNullForAFileThatIsNotThere() throws Exception {
        TestRepository repo = payments();
        Settings settings = settings(GitSync.settingsFor(repo.folder()));

        JsonNode r = fetch("repository", settings, "{\"query\": \"true\", \"includedFiles\": [\"README.md\", \"/.github/CODEOWNERS\", \"port.yml\"]}")
                .getFirst();

        JsonNode included = r.path("__includedFiles");
        assertThat(included.path("README.md").asText()).isEqualTo(README);
        assertThat(included.path("/.github/CODEOWNERS").asText()).isEqualTo(CODEOWNERS);
        assertThat(included.has("port.yml")).isTrue();
        assertThat(included.path("port.yml").isNull()).isTrue();
    }

    @Test
    void aPersonIsOneContributorAcrossRepositoriesAndAddressesWithEveryEmailAndTheirFirstAndLastCommit() throws Exception {
        TestRepository ledger = TestRepository.init(temp.resolve("repos/ledger"));
        RevCommit first = ledger.write("main.go", "package main\n").commit("Start the ledger", new PersonIdent("grace hopper", "grace@example.com"));
        TestRepository payments = payments();
        Settings settings = settings(GitSync.settingsFor(payments.folder(), ledger.folder()));

        List<JsonNode> people = fetch("contributor", settings, "{\"query\": \"true\"}");

        assertThat(people).extracting(p -> p.path("login").asText()).containsExactly("ada-lovelace", "grace-hopper");
        JsonNode grace = people.get(1);
        assertThat(grace.path("name").asText()).as("spelled as in the most recent commit").isEqualTo("Grace Hopper");
        assertThat(grace.path("emails")).extracting(JsonNode::asText).containsExactly("grace@example.com", "grace@navy.mil");
        assertThat(grace.path("repositories")).extracting(JsonNode::asText).containsExactly("ledger", "payments");
        assertThat(grace.path("commits").asInt()).isEqualTo(3);
        assertThat(grace.path("first_commit_at").asText()).isEqualTo(first.getAuthorIdent().getWhenAsInstant().toString());
        assertThat(grace.path("last_commit_at").asText()).isEqualTo(head(payments).getAuthorIdent().getWhenAsInstant().toString());
    }

    @Test
    void aCommitListsItsFilesAgainstItsFirstParentWithRenamesAndLineCounts() throws Exception {
        TestRepository repo = payments();

        List<JsonNode> commits = fetch("commit", settings(GitSync.settingsFor(repo.folder())), "{\"query\": \"true\"}");

        assertThat(commits).extracting(c -> c.path("commit").path("message").asText())
                .containsExactly("Move scripts to bin\n\nBecause bin is where they go.", "Grow Main", "Initial commit");
        JsonNode rename = commits.get(0);
        assertThat(rename.path("files").toString()).isEqualTo("[{\"filename\":\"bin/run.sh\",\"status\":\"renamed\","
                + "\"additions\":0,\"deletions\":0,\"previous_filename\":\"scripts/run.sh\"}]");
        assertThat(rename.path("author").path("login").asText()).isEqualTo("grace-hopper");
        assertThat(rename.path("commit").path("author").path("email").asText()).isEqualTo("grace@navy.mil");
        assertThat(rename.path("parents")).singleElement().satisfies(p -> assertThat(p.path("sha").asText()).isEqualTo(commits.get(1).path("sha").asText()));
        assertThat(rename.path("__repository").path("name").asText()).isEqualTo("payments");
        assertThat(rename.path("__repository").path("default_branch").asText()).isEqualTo("main");

        JsonNode grow = commits.get(1);
        assertThat(grow.path("files").toString())
                .isEqualTo("[{\"filename\":\"src/Main.java\",\"status\":\"modified\",\"additions\":3,\"deletions\":1}]");
        assertThat(grow.path("stats").toString()).isEqualTo("{\"additions\":3,\"deletions\":1,\"total\":4,\"files\":1}");

        JsonNode initial = commits.get(2);
        assertThat(initial.path("parents")).isEmpty();
        assertThat(initial.path("files")).extracting(f -> f.path("status").asText()).containsOnly("added").hasSize(5);
        assertThat(initial.path("stats").path("additions").asInt()).isEqualTo(1 + 3 + 2 + 1 + 2);
    }

    @Test
    void commitDepthKeepsTheMostRecentCommitsAndAnotherDepthReadsTheRepositoryAgain() throws Exception {
        TestRepository repo = payments();
        String repositories = "\"repositories\": [\"" + repo.folder() + "\"]";

        List<JsonNode> two = fetch("commit", settings("{" + repositories + ", \"commitDepth\": 2}"), "{\"query\": \"true\"}");
        assertThat(two).extracting(c -> c.path("commit").path("message").asText())
                .containsExactly("Move scripts to bin\n\nBecause bin is where they go.", "Grow Main");

        List<JsonNode> twoAgain = fetch("commit", settings("{" + repositories + ", \"commitDepth\": 2}"), "{\"query\": \"true\"}");
        assertThat(reads).as("same depth, same head: from the cache").isEmpty();
        assertThat(twoAgain).isEqualTo(two);

        List<JsonNode> three = fetch("commit", settings("{" + repositories + ", \"commitDepth\": 3}"), "{\"query\": \"true\"}");
        assertThat(reads).containsExactly("commit:payments");
        assertThat(three).hasSize(3);

        assertThat(fetch("commit", settings("{" + repositories + ", \"commitDepth\": 0}"), "{\"query\": \"true\"}")).isEmpty();
    }

    @Test
    void aScanRootIsSearchedDownToScanDepthSkippingHiddenFoldersAndRepositoriesInsideRepositories() throws Exception {
        Path root = temp.resolve("repos");
        for (String path : List.of("a", "team/b", "x/y/c", ".hidden/d", "a/vendor/nested")) {
            try (TestRepository repo = TestRepository.init(root.resolve(path))) {
                repo.write("README.md", path + "\n").commit("Start " + path, ADA);
            }
        }
        TestRepository.bare(root.resolve("e.git"));

        List<JsonNode> depth2 = fetch("repository", settings("{\"scanRoots\": [\"" + root + "\"], \"scanDepth\": 2}"), "{\"query\": \"true\"}");
        List<JsonNode> depth3 = fetch("repository", settings("{\"scanRoots\": [\"" + root + "\"], \"scanDepth\": 3}"), "{\"query\": \"true\"}");
        List<JsonNode> depth0 = fetch("repository", settings("{\"scanRoots\": [\"" + root + "\"], \"scanDepth\": 0}"), "{\"query\": \"true\"}");

        assertThat(depth2).extracting(r -> r.path("full_name").asText()).containsExactly("a", "e", "team/b");
        assertThat(depth2.get(1).path("commit_count").asInt()).as("a bare repository without commits").isZero();
        assertThat(depth3).extracting(r -> r.path("full_name").asText()).containsExactly("a", "e", "team/b", "x/y/c");
        assertThat(depth3.get(3).path("name").asText()).isEqualTo("c");
        assertThat(depth0).as("the root itself is not a repository").isEmpty();
    }

    @Test
    void aHeadThatMovedOnWalksOnlyTheNewCommitsAndMeasuresOnlyTheFilesTheyTouched() throws Exception {
        TestRepository repo = payments();
        List<RevCommit> log = new ArrayList<>();
        repo.git().log().call().forEach(log::add);
        RevCommit initial = log.getLast();
        Settings settings = settings(GitSync.settingsFor(repo.folder()));
        long size = fetch("repository", settings, "{}").getFirst().path("size").asLong();
        // What was counted is kept beside the cache; a walk of the whole history would not see these made-up figures.
        Path state = temp.resolve("data/git/git-1/cache").resolve(RepositoryLocation.configured(repo.folder().toString()).storageKey());
        ObjectNode history = (ObjectNode) Json.parse(java.nio.file.Files.readString(state.resolve("history.json")));
        java.nio.file.Files.writeString(state.resolve("history.json"), Json.write(history.put("commits", 1000)));
        ObjectNode sizes = (ObjectNode) Json.parse(java.nio.file.Files.readString(state.resolve("tree-sizes.json")));
        java.nio.file.Files.writeString(state.resolve("tree-sizes.json"), Json.write(sizes.put("size", size + 1_000_000)));

        repo.write("src/Extra.java", "class E {}").commit("Add Extra", ADA);
        JsonNode moved = fetch("repository", settings, "{}").getFirst();

        assertThat(reads).containsExactly("repository:payments");
        assertThat(moved.path("commit_count").asLong()).as("1,000 kept, plus the one new commit").isEqualTo(1001);
        assertThat(moved.path("size").asLong()).as("the kept size plus the one new file").isEqualTo(size + 1_000_000 + 10);

        repo.resetHard(initial); // history rewritten: the kept head is no ancestor, so everything is walked again
        assertThat(fetch("repository", settings, "{}").getFirst().path("commit_count").asLong()).isEqualTo(1);
    }
}
