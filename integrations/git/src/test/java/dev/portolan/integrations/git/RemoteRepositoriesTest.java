package dev.portolan.integrations.git;

import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.spi.FetchException;
import dev.portolan.sync.testing.SyncHarness;
import dev.portolan.sync.testing.SyncTest;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.portolan.integrations.git.TestRepository.ADA;
import static dev.portolan.integrations.git.TestRepository.GRACE;
import static org.assertj.core.api.Assertions.assertThat;

class RemoteRepositoriesTest {

    @TempDir
    Path temp;

    private TestRepository pushedTo(Path bare) {
        TestRepository work = TestRepository.init(temp.resolve("work"));
        work.write("README.md", "# orders\n").write("app.py", "print('orders')\n").commit("Start", ADA);
        work.write("app.py", "print('orders v2')\n").commit("Second", GRACE);
        work.push(bare.toUri().toString(), false);
        return work;
    }

    @SyncTest
    void aRemoteOverFileIsClonedBareIntoTheDataDirectoryAndFollowsNewCommitsAndForcePushes(SyncHarness harness) {
        Path bare = TestRepository.bare(temp.resolve("remotes").resolve("orders.git"));
        TestRepository work = pushedTo(bare);
        GitSync git = new GitSync(harness, temp.resolve("data"));
        Settings settings = git.settings("{\"repositories\": [\"" + bare.toUri() + "\"]}");

        git.resync(settings);

        assertThat(harness.get("service", "orders").properties().path("language").asText()).isEqualTo("Python");
        assertThat(harness.get("service", "orders").properties().path("url").asText()).isEqualTo(bare.toUri().toString());
        assertThat(Files.isDirectory(temp.resolve("data/git/git-1/mirrors"))).isTrue();
        assertThat(harness.count("commit")).isEqualTo(2);

        RevCommit third = work.write("app.py", "print('v3')\n").commit("Third", ADA);
        work.push(bare.toUri().toString(), false);
        git.resync(settings);
        assertThat(harness.count("commit")).isEqualTo(3);
        assertThat(harness.get("service", "orders").properties().path("lastCommitMessage").asText()).isEqualTo("Third");
        assertThat(harness.get("service", "orders").properties().path("commitCount").asInt()).isEqualTo(3);
        assertThat(harness.get("contributor", "ada-lovelace").properties().path("commits").asInt()).isEqualTo(2);

        // Rewrite history: drop "Third", push something else in its place.
        work.resetHard(third.getParent(0));
        work.write("app.py", "print('rewritten')\n").commit("Rewritten", GRACE);
        work.push(bare.toUri().toString(), true);
        SyncReport afterForcePush = git.resync(settings);

        assertThat(harness.entity("commit", third.name())).isEmpty();
        assertThat(harness.count("commit")).isEqualTo(3);
        assertThat(harness.get("service", "orders").properties().path("lastCommitMessage").asText()).isEqualTo("Rewritten");
        assertThat(harness.get("service", "orders").properties().path("commitCount").asInt()).isEqualTo(3); // counted again, not 4
        assertThat(afterForcePush.reconciliation().deletedCount()).isEqualTo(1);
    }

    @SyncTest
    void aRemoteOverHttpIsReadWithTheCredentialsOfTheSettings(SyncHarness harness) throws Exception {
        Path bare = TestRepository.bare(temp.resolve("remotes").resolve("orders.git"));
        pushedTo(bare);
        GitSync git = new GitSync(harness, temp.resolve("data"));
        try (SmartHttpServer http = new SmartHttpServer(temp.resolve("remotes"), "reader", "s3cret")) {
            Settings settings = git.settings("{\"repositories\": [\"" + http.url("orders") + "\"], \"username\": \"reader\", \"password\": \"s3cret\"}");

            SyncReport report = git.resync(settings);

            assertThat(report.state()).isEqualTo(SyncState.COMPLETED);
            assertThat(harness.get("service", "orders").properties().path("url").asText()).isEqualTo(http.url("orders"));
            assertThat(harness.count("commit")).isEqualTo(2);
        }
    }

    @SyncTest
    void badCredentialsFailTheFetchWithATipAndDeleteNothing(SyncHarness harness) throws Exception {
        Path bare = TestRepository.bare(temp.resolve("remotes").resolve("orders.git"));
        pushedTo(bare);
        GitSync git = new GitSync(harness, temp.resolve("data"));
        try (SmartHttpServer http = new SmartHttpServer(temp.resolve("remotes"), "reader", "s3cret")) {
            String repositories = "\"repositories\": [\"" + http.url("orders") + "\"]";
            git.resync(git.settings("{" + repositories + ", \"password\": \"s3cret\", \"username\": \"reader\"}"));
            harness.events().clear();

            SyncReport report = git.resync(git.settings("{" + repositories + ", \"username\": \"reader\", \"password\": \"wrong\"}"));

            KindReport repository = GitSync.kind(report, "repository");
            assertThat(repository.fetchFailedCount()).isEqualTo(1);
            assertThat(harness.events().lines()).anySatisfy(line -> assertThat(line.message())
                    .contains("refused the credentials", "Tip: check settings.username and settings.password").doesNotContain("wrong"));
            assertThat(report.reconciliation().deletedCount()).isZero();
            assertThat(harness.count("service")).isEqualTo(1);
        }
    }

    @SyncTest
    void anUnreachableRemoteFailsItsFetchSayingSoAndCanBeRetried(SyncHarness harness) {
        GitSync git = new GitSync(harness, temp.resolve("data"));
        Settings settings = git.settings("{\"repositories\": [\"http://127.0.0.1:9/nothing.git\"]}");

        SyncReport report = git.resync(settings);

        assertThat(report.state()).isEqualTo(SyncState.FAILED);
        assertThat(harness.events().lines()).anySatisfy(line -> assertThat(line.message())
                .contains("cannot clone http://127.0.0.1:9/nothing.git", "Tip:"));
        assertThat(Files.exists(temp.resolve("data/git/git-1/mirrors"))).isTrue();
        assertThat(temp.resolve("data/git/git-1/mirrors").toFile().list()).isEmpty(); // no half clone left behind
    }

    @SyncTest
    void aRemoteThatBecomesUnreachableFailsItsFetchWithATipAndItsEntitiesStay(SyncHarness harness) throws Exception {
        Path bare = TestRepository.bare(temp.resolve("remotes").resolve("orders.git"));
        pushedTo(bare);
        GitSync git = new GitSync(harness, temp.resolve("data"));
        Settings settings;
        try (SmartHttpServer http = new SmartHttpServer(temp.resolve("remotes"), "reader", "s3cret")) {
            settings = git.settings("{\"repositories\": [\"" + http.url("orders") + "\"], \"username\": \"reader\", \"password\": \"s3cret\"}");
            assertThat(git.resync(settings).state()).isEqualTo(SyncState.COMPLETED);
        }
        harness.events().clear();

        SyncReport report = git.resync(settings); // the server is gone: its port refuses connections

        assertThat(GitSync.kind(report, "repository").fetchFailedCount()).isEqualTo(1);
        assertThat(GitSync.kind(report, "commit").fetchFailedCount()).isEqualTo(1);
        assertThat(harness.events().lines()).anySatisfy(line -> assertThat(line.message())
                .contains("cannot fetch http://127.0.0.1:", "Tip: the remote is unreachable"));
        assertThat(report.reconciliation().deletedCount()).isZero();
        assertThat(harness.count("service")).isEqualTo(1);
        assertThat(harness.count("commit")).isEqualTo(2);
    }

    @SyncTest
    void anSshRemoteThatCannotBeReachedFailsItsFetchWithATip(SyncHarness harness) {
        GitSync git = new GitSync(harness, temp.resolve("data"));
        Settings settings = git.settings("{\"repositories\": [\"ssh://git@127.0.0.1:9/acme/orders.git\"]}");

        SyncReport report = git.resync(settings);

        assertThat(report.state()).isEqualTo(SyncState.FAILED);
        assertThat(GitSync.kind(report, "repository").fetchFailedCount()).isEqualTo(1);
        assertThat(harness.events().lines()).anySatisfy(line -> assertThat(line.message())
                .contains("cannot clone ssh://", "127.0.0.1:9/acme/orders.git", "Connection refused", "Tip: the remote is unreachable"));
    }

    @Test
    void aPortOrPathHolding401Or403IsNotTakenForRefusedCredentials() {
        RemoteMirrors.Credentials none = new RemoteMirrors.Credentials(null, null);
        RepositoryLocation onPort40157 = RepositoryLocation.configured("http://127.0.0.1:40157/orders.git");
        RepositoryLocation in403 = RepositoryLocation.configured("https://git.example.com/403/orders.git");

        FetchException refused = RemoteMirrors.failure("fetch", onPort40157, none,
                new TransportException("http://127.0.0.1:40157/orders.git: connection failed: Connection refused 127.0.0.1"));
        FetchException unauthorized = RemoteMirrors.failure("clone", in403, none,
                new TransportException("https://git.example.com/403/orders.git: not authorized"));
        FetchException status = RemoteMirrors.failure("clone", in403, none,
                new TransportException("https://git.example.com/403/orders.git: 403 Forbidden"));

        assertThat(refused.getMessage()).contains("Tip: the remote is unreachable").doesNotContain("credentials");
        assertThat(refused.retriable()).isTrue();
        assertThat(unauthorized.getMessage()).contains("the remote refused the credentials", "(none are set)");
        assertThat(status.getMessage()).contains("the remote refused the credentials");
    }
}
