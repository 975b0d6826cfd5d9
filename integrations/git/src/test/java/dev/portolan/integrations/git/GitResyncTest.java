package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.testing.SyncHarness;
import dev.portolan.sync.testing.SyncTest;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.portolan.integrations.git.TestRepository.ADA;
import static dev.portolan.integrations.git.TestRepository.GRACE;
import static dev.portolan.integrations.git.TestRepository.LINUS;
import static org.assertj.core.api.Assertions.assertThat;

class GitResyncTest {

    @TempDir
    Path temp;

    /** A repository with a README, a license, CODEOWNERS, two authors, a merged branch and a rename. */
    private TestRepository checkout(String name) {
        TestRepository repo = TestRepository.init(temp.resolve("repos").resolve(name));
        repo.write("README.md", "# " + name + "\n\nThe " + name + " service.\n")
                .write("LICENSE", "MIT License\n\nPermission is hereby granted, free of charge, to any person obtaining a copy")
                .write(".github/CODEOWNERS", "# owners\n*       @acme/platform\n/docs/  @acme/writers ada@example.com\n")
                .write("src/Main.java", "class Main { public static void main(String[] a) { System.out.println(1); } }\n")
                .write("scripts/run.sh", "#!/bin/sh\necho run\n")
                .commit("Initial commit", ADA);
        repo.checkout("feature", true).write("src/Feature.java", "class Feature {}\n").commit("Add feature", GRACE);
        repo.checkout("main", false).write("docs/guide.md", "guide\n").commit("Write the guide", ADA);
        repo.merge("feature", GRACE);
        repo.rename("scripts/run.sh", "bin/run.sh").commit("Move scripts to bin\n\nBecause bin is where they go.", GRACE);
        return repo;
    }

    @SyncTest
    void aResyncCatalogsEachRepositoryAsAServiceWithItsContributorsAndCommits(SyncHarness harness) throws Exception {
        GitSync git = new GitSync(harness, temp.resolve("data"));
        TestRepository repo = checkout("payments");
        Settings settings = git.settings(GitSync.settingsFor(repo.folder()));

        SyncReport report = git.resync(settings);

        assertThat(report.state()).isEqualTo(SyncState.COMPLETED);
        Entity service = harness.get("service", "payments");
        assertThat(service.team()).containsExactly("platform");
        JsonNode p = service.properties();
        assertThat(p.path("readme").asText()).contains("The payments service.");
        assertThat(p.path("language").asText()).isEqualTo("Java");
        assertThat(p.path("url").asText()).isEqualTo(repo.folder().toString());
        assertThat(p.path("defaultBranch").asText()).isEqualTo("main");
        assertThat(p.path("lastCommitMessage").asText()).startsWith("Move scripts to bin");
        assertThat(p.path("lastCommitAuthor").asText()).isEqualTo("Grace Hopper");
        RevCommit last = repo.git().log().setMaxCount(1).call().iterator().next();
        assertThat(p.path("lastCommitAt").asText()).isEqualTo(last.getCommitterIdent().getWhenAsInstant().toString());
        assertThat(p.path("commitCount").asInt()).isEqualTo(5);
        assertThat(p.path("license").asText()).isEqualTo("MIT");
        assertThat(p.path("languages").has("Shell")).isTrue();

        assertThat(harness.identifiers("contributor")).containsExactlyInAnyOrder("ada-lovelace", "grace-hopper");
        Entity grace = harness.get("contributor", "grace-hopper");
        assertThat(grace.properties().path("commits").asInt()).isEqualTo(3);
        assertThat(grace.relations().path("services")).extracting(JsonNode::asText).containsExactly("payments");

        assertThat(harness.count("commit")).isEqualTo(5);
        RevCommit head = repo.git().log().setMaxCount(1).call().iterator().next();
        Entity rename = harness.get("commit", head.name());
        assertThat(rename.relations().path("service").asText()).isEqualTo("payments");
        assertThat(rename.relations().path("author").asText()).isEqualTo("grace-hopper");
        assertThat(rename.properties().path("filesChanged").asInt()).isEqualTo(1);
        assertThat(rename.title()).isEqualTo("Move scripts to bin");
        Entity merge = harness.get("commit", head.getParent(0).name());
        assertThat(merge.properties().path("parents")).hasSize(2);
    }

    @SyncTest
    void anUnchangedRepositoryIsNotReadAgainAndItsEntitiesEndAsNotChanged(SyncHarness harness) {
        GitSync git = new GitSync(harness, temp.resolve("data"));
        TestRepository repo = checkout("payments");
        Settings settings = git.settings(GitSync.settingsFor(repo.folder()));
        git.resync(settings);
        assertThat(git.reads).containsExactly("repository:payments", "contributor:payments", "commit:payments");

        SyncReport again = git.resync(settings);

        assertThat(git.reads).isEmpty();
        KindReport commits = GitSync.kind(again, "commit");
        assertThat(commits.fetchedCount()).isEqualTo(5);
        assertThat(commits.notChangedCount()).isEqualTo(5);
        assertThat(commits.ingestedCount()).isZero();
        assertThat(GitSync.kind(again, "repository").notChangedCount()).isEqualTo(1);
        assertThat(again.reconciliation().deletedCount()).isZero();
    }

    @SyncTest
    void newCommitsDeletedFilesAndARemovedRepositoryShowOnTheNextResync(SyncHarness harness) {
        GitSync git = new GitSync(harness, temp.resolve("data"));
        TestRepository payments = checkout("payments");
        TestRepository ledger = TestRepository.init(temp.resolve("repos").resolve("team-b").resolve("ledger"));
        ledger.write("main.go", "package main\n").commit("Start the ledger", LINUS);
        TestRepository.init(temp.resolve("repos").resolve("empty")); // no commits yet: a service without history
        Settings settings = git.settings("{\"scanRoots\": [\"" + temp.resolve("repos") + "\"], \"scanDepth\": 2}");
        git.resync(settings);
        assertThat(harness.identifiers("service")).containsExactlyInAnyOrder("payments", "ledger", "empty");
        assertThat(harness.get("service", "ledger").properties().path("language").asText()).isEqualTo("Go");

        payments.delete("LICENSE").write("src/Main.java", "class Main {}\n").commit("Drop the license", LINUS);
        TestRepository.deleteTree(ledger.folder());
        SyncReport report = git.resync(settings);

        assertThat(git.reads).containsExactlyInAnyOrder("repository:payments", "contributor:payments", "commit:payments");
        assertThat(harness.identifiers("service")).containsExactlyInAnyOrder("payments", "empty");
        assertThat(harness.get("service", "payments").properties().path("license").isNull()).isTrue();
        assertThat(harness.get("service", "payments").properties().path("commitCount").asInt()).isEqualTo(6);
        // measured from the changed files only: Main.java 14 bytes, Feature.java 17, bin/run.sh 19
        assertThat(harness.get("service", "payments").properties().path("languages").toString()).isEqualTo("{\"Java\":0.62,\"Shell\":0.38}");
        assertThat(harness.identifiers("contributor")).containsExactlyInAnyOrder("ada-lovelace", "grace-hopper", "linus-t");
        assertThat(harness.get("contributor", "linus-t").relations().path("services")).extracting(JsonNode::asText).containsExactly("payments");
        assertThat(harness.count("commit")).isEqualTo(6);
        assertThat(report.reconciliation().deletedCount()).isEqualTo(2); // the ledger service and its commit
    }

    @SyncTest
    void aRepositoryThatCannotBeReadFailsItsFetchWithATipAndNothingIsDeleted(SyncHarness harness) {
        GitSync git = new GitSync(harness, temp.resolve("data"));
        TestRepository payments = checkout("payments");
        TestRepository ledger = TestRepository.init(temp.resolve("repos").resolve("ledger"));
        ledger.write("main.go", "package main\n").commit("Start the ledger", LINUS);
        Settings settings = git.settings(GitSync.settingsFor(payments.folder(), ledger.folder()));
        git.resync(settings);

        TestRepository.deleteTree(ledger.folder().resolve(".git"));
        payments.write("NEW.md", "new\n").commit("Another", ADA);
        harness.events().clear();
        SyncReport report = git.resync(settings);

        KindReport repositories = GitSync.kind(report, "repository");
        assertThat(repositories.fetchFailedCount()).isEqualTo(1);
        assertThat(harness.events().lines()).anySatisfy(line -> assertThat(line.message())
                .contains("fetch failed", ledger.folder().toString(), "is not a Git repository", "Tip:"));
        assertThat(report.reconciliation().deletedCount()).isZero();
        assertThat(harness.identifiers("service")).containsExactlyInAnyOrder("payments", "ledger");
        assertThat(harness.get("service", "payments").properties().path("lastCommitMessage").asText()).isEqualTo("Another");
    }

    @SyncTest
    void aBranchTheRepositoryDoesNotHaveFailsItsFetchNamingTheBranchesItHas(SyncHarness harness) {
        GitSync git = new GitSync(harness, temp.resolve("data"));
        TestRepository payments = checkout("payments");
        Settings settings = git.settings("{\"repositories\": [\"" + payments.folder() + "\"], \"branch\": \"release\"}");

        SyncReport report = git.resync(settings);

        assertThat(report.state()).isEqualTo(SyncState.FAILED);
        assertThat(harness.events().lines()).anySatisfy(line -> assertThat(line.message())
                .contains("has no branch 'release' (it has: feature, main)", "Tip: fix settings.branch"));
        assertThat(harness.count("service")).isZero();
    }

    @SyncTest
    void theBranchSettingReadsThatBranch(SyncHarness harness) {
        GitSync git = new GitSync(harness, temp.resolve("data"));
        TestRepository payments = checkout("payments");
        payments.checkout("feature", false).write("only-on-feature.py", "print(1)\n").commit("Feature work", LINUS);
        Settings settings = git.settings("{\"repositories\": [\"" + payments.folder() + "\"], \"branch\": \"feature\"}");

        git.resync(settings);

        JsonNode p = harness.get("service", "payments").properties();
        assertThat(p.path("defaultBranch").asText()).isEqualTo("feature");
        assertThat(p.path("lastCommitMessage").asText()).isEqualTo("Feature work");
        assertThat(p.path("commitCount").asInt()).isEqualTo(3);
    }

    @SyncTest
    void aBranchThatIsGoneFailsTheFetchNamingItAndDeletesNothing(SyncHarness harness) throws Exception {
        GitSync git = new GitSync(harness, temp.resolve("data"));
        TestRepository payments = checkout("payments");
        Settings settings = git.settings("{\"repositories\": [\"" + payments.folder() + "\"], \"branch\": \"feature\"}");
        git.resync(settings);
        assertThat(harness.count("commit")).isEqualTo(2);

        payments.git().branchDelete().setBranchNames("feature").setForce(true).call();
        harness.events().clear();
        SyncReport report = git.resync(settings);

        assertThat(GitSync.kind(report, "repository").fetchFailedCount()).isEqualTo(1);
        assertThat(harness.events().lines()).anySatisfy(line -> assertThat(line.message())
                .contains("has no branch 'feature' (it has: main)", "Tip: fix settings.branch"));
        assertThat(report.reconciliation().deletedCount()).isZero();
        assertThat(harness.identifiers("service")).containsExactly("payments");
        assertThat(harness.count("commit")).isEqualTo(2);
        assertThat(harness.count("contributor")).isEqualTo(2);
    }
}
