package dev.portolan.integrations.git;

import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.testing.SyncHarness;
import dev.portolan.sync.testing.SyncTest;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.portolan.integrations.git.TestRepository.ADA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Local repositories (paths, {@code file://} URLs, scan roots) are read only from the allowed
 * folders: refused when the settings are saved, and again at every fetch. The test's allowed folder
 * is {@code allowed/} (the data directory's parent, see {@link GitSync}); {@code outside/} is not.
 */
class AllowedFoldersTest {

    @TempDir
    Path temp;

    private TestRepository repository(Path folder) {
        TestRepository repo = TestRepository.init(folder);
        repo.write("README.md", "# " + folder.getFileName() + "\n").commit("Start", ADA);
        return repo;
    }

    @SyncTest
    void refusesToSaveRepositoriesAndScanRootsOutsideTheAllowedFoldersNamingEach(SyncHarness harness) throws Exception {
        GitSync git = new GitSync(harness, Files.createDirectories(temp.resolve("allowed/data")));
        Path outside = temp.resolve("outside/secrets");
        String inside = temp.resolve("allowed/repos/api").toString();

        CatalogException refused = catchThrowableOfType(CatalogException.class, () -> git.settings("{\"repositories\": [\""
                + inside + "\", \"" + outside + "\", \"" + outside.toUri() + "\", \"https://example.com/acme/web.git\"], "
                + "\"scanRoots\": [\"" + temp.resolve("allowed") + "\", \"" + temp.resolve("outside/../outside") + "\"]}"));

        assertThat(refused.violations()).extracting(Violation::path)
                .containsExactly("settings.repositories[1]", "settings.repositories[2]", "settings.scanRoots[1]");
        assertThat(refused.violations()).allSatisfy(v -> assertThat(v.message())
                .contains("is outside the folders files may be read from", temp.resolve("allowed").toRealPath().toString(), "--file-folder"));
    }

    @SyncTest
    void aRepositoryOutsideTheAllowedFoldersFailsItsFetchTheOthersAreReadAndNothingIsDeleted(SyncHarness harness) {
        GitSync git = new GitSync(harness, temp.resolve("allowed/data"));
        TestRepository api = repository(temp.resolve("allowed/repos/api"));
        TestRepository secret = repository(temp.resolve("outside/secret"));
        // As stored before the allowed folders changed: the fetch checks again.
        Settings stored = GitSettings.DEFINITION.parse(Json.parse(GitSync.settingsFor(api.folder(), secret.folder())));

        SyncReport report = git.resync(stored);

        KindReport repositories = GitSync.kind(report, "repository");
        assertThat(repositories.fetchFailedCount()).isEqualTo(1);
        assertThat(git.reads).doesNotContain("repository:secret").contains("repository:api");
        assertThat(harness.identifiers("service")).containsExactly("api");
        assertThat(harness.events().lines()).anySatisfy(line -> assertThat(line.message())
                .contains("repository '" + secret.folder() + "' is outside the folders files may be read from"));
        assertThat(report.reconciliation().deletedCount()).isZero();
    }

    @SyncTest
    void aSymbolicLinkInAScanRootLeadingOutsideTheAllowedFoldersIsNotFollowed(SyncHarness harness) throws Exception {
        GitSync git = new GitSync(harness, temp.resolve("allowed/data"));
        repository(temp.resolve("allowed/repos/api"));
        TestRepository secret = repository(temp.resolve("outside/secret"));
        Files.createSymbolicLink(temp.resolve("allowed/repos/linked"), secret.folder());
        Settings settings = git.settings("{\"scanRoots\": [\"" + temp.resolve("allowed/repos") + "\"]}");

        SyncReport report = git.resync(settings);

        assertThat(git.reads).noneMatch(read -> read.endsWith(":linked"));
        assertThat(harness.identifiers("service")).containsExactly("api");
        assertThat(GitSync.kind(report, "repository").fetchFailedCount()).isEqualTo(1);
    }

    @SyncTest
    void aScanRootOutsideTheAllowedFoldersFailsTheFetchBeforeAnythingIsListed(SyncHarness harness) {
        GitSync git = new GitSync(harness, temp.resolve("allowed/data"));
        repository(temp.resolve("outside/secret"));
        Settings stored = GitSettings.DEFINITION.parse(Json.parse("{\"scanRoots\": [\"" + temp.resolve("outside") + "\"]}"));

        SyncReport report = git.resync(stored);

        assertThat(git.reads).isEmpty();
        assertThat(harness.events().lines()).anySatisfy(line -> assertThat(line.message())
                .contains("scan root '" + temp.resolve("outside") + "' is outside the folders files may be read from"));
    }

    @SyncTest
    void checkNamesTheRepositoryOutsideTheAllowedFolders(SyncHarness harness) {
        GitSync git = new GitSync(harness, temp.resolve("allowed/data"));
        TestRepository secret = repository(temp.resolve("outside/secret"));
        Settings stored = GitSettings.DEFINITION.parse(Json.parse(GitSync.settingsFor(secret.folder())));

        var check = git.integration.check(stored);

        assertThat(check.ok()).isFalse();
        assertThat(check.message()).contains(secret.folder().toString(), "outside the folders");
    }
}
