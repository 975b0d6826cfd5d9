package dev.portolan.server.cli;

import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.entity.JqCalculations;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.server.PortolanServer;
import dev.portolan.server.ServerSettings;
import dev.portolan.server.testing.GitRepositories;
import dev.portolan.store.testing.StoreTest;
import dev.portolan.store.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code portolan serve --git}: the Git integration installed on the given repositories at start, and reused at the next. */
class ServeGitTest {

    @TempDir
    Path temp;

    private ServerSettings settings(TestDatabase database, Path... repositories) {
        return ServerSettings.defaults(temp.resolve("data")).withDatabaseUrl(database.jdbcUrl()).withPort(0)
                .withWorkingDirectory(temp).withGitRepositories(java.util.Arrays.stream(repositories).map(Path::toString).toList());
    }

    private static boolean exists(TestDatabase database, String identifier) {
        try (CatalogStore store = database.openStore()) {
            new CatalogService(store, Clock.systemUTC(), new JqCalculations()).entities().get("service", identifier);
            return true;
        } catch (CatalogException e) {
            return false;
        }
    }

    @StoreTest
    void installsOnTheRepositoriesAtStartReusesTheInstallationAtTheNextAndFollowsNewRepositories(TestDatabase database) throws Exception {
        // Outside the data directory and any --file-folder: naming them with --git is what allows them.
        Path api = GitRepositories.create(temp.resolve("src/api"));
        Path web = GitRepositories.create(temp.resolve("src/web"));

        Installation first;
        try (PortolanServer server = PortolanServer.start(settings(database, api))) {
            assertThat(GitRepositories.awaitResync(server, "git").state()).isEqualTo("completed");
            first = server.integrations().manager().get("git");
        }
        assertThat(first.type()).isEqualTo("git");
        assertThat(exists(database, "api")).isTrue();

        try (PortolanServer server = PortolanServer.start(settings(database, api))) {
            GitRepositories.awaitResync(server, "git");
            Installation again = server.integrations().manager().get("git");
            assertThat(again.createdAt()).isEqualTo(first.createdAt());
            assertThat(again.settings()).isEqualTo(first.settings());
            assertThat(server.integrations().repository().reports("git", 10)).hasSize(2);
        }

        try (PortolanServer server = PortolanServer.start(settings(database, web))) {
            assertThat(GitRepositories.awaitResync(server, "git").state()).isEqualTo("completed");
            assertThat(server.integrations().manager().get("git").settings().path("repositories"))
                    .singleElement().satisfies(r -> assertThat(r.asText()).isEqualTo(web.toString()));
        }
        assertThat(exists(database, "web")).isTrue();
        assertThat(exists(database, "api")).as("no longer read: deleted by the resync").isFalse();
    }

    @StoreTest
    void aStartWhoseGitIdentifierIsTakenByAnotherTypeFailsSayingSo(TestDatabase database) throws Exception {
        Path api = GitRepositories.create(temp.resolve("src/api"));
        try (PortolanServer server = PortolanServer.start(settings(database))) {
            server.integrations().manager().install(new dev.portolan.sync.host.InstallRequest("git", "github", null,
                    dev.portolan.catalog.json.Json.parse("{\"githubToken\": \"t\", \"githubOrganization\": \"acme\", "
                            + "\"githubHost\": \"http://127.0.0.1:9\"}"), null, 0));
        }

        CatalogException refused = catchThrowableOfType(CatalogException.class, () -> PortolanServer.start(settings(database, api)));

        assertThat(refused.getMessage()).contains("'git'", "taken by a 'github' integration");
    }

    @Test
    void theGitOptionIsRepeatableAndMakesLocalPathsAbsolute() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--git", ".", "--git", "https://example.com/acme/web.git", "--data-dir", temp.toString());

        assertThat(serve.settings().gitRepositories())
                .containsExactly(Path.of("").toAbsolutePath().toString(), "https://example.com/acme/web.git");
        assertThat(serve.settings().allowedRepositoryFolders().problem(Path.of("").toAbsolutePath().resolve("README.md"))).isNull();
        assertThat(serve.settings().allowedFileFolders().problem(Path.of("").toAbsolutePath().resolve("README.md")))
                .as("--git does not open the folder to file: sources").isNotNull();
    }
}
