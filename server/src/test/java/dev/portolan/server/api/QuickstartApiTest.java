package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;
import dev.portolan.server.testing.GitRepositories;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /v1/quickstart/git}: the one-click install on the Git repository the server was started from. */
class QuickstartApiTest {

    @ApiTest
    void aServerStartedInARepositoryOffersItInstallsItOnceForAnAdminAndItsServiceAppears(ApiServer shared) throws Exception {
        Path repo = GitRepositories.create(Files.createTempDirectory("portolan-quickstart-").resolve("shop"));
        Files.createDirectories(repo.resolve("src/main"));
        try (ApiServer server = ApiServer.start(shared.dialect(), s -> s.withWorkingDirectory(repo.resolve("src/main")))) {
            JsonNode offered = server.admin().get("/v1/quickstart/git").expect(200).get("git");
            assertThat(offered.path("available").asBoolean()).isTrue();
            assertThat(offered.path("directory").asText()).isEqualTo(repo.toString());
            assertThat(offered.path("installed").asBoolean()).isFalse();
            assertThat(offered.path("integration").asText()).isEqualTo("git");

            server.newCaller("member").client().post("/v1/quickstart/git", "{}").expect(403);
            JsonNode installed = server.admin().post("/v1/quickstart/git", "{}").expect(201).get("git");
            assertThat(installed.path("installed").asBoolean()).isTrue();

            assertThat(GitRepositories.awaitResync(server.server(), "git").state()).isEqualTo("completed");
            assertThat(server.admin().get("/v1/blueprints/service/entities/shop").expect(200).get("entity").path("title").asText())
                    .isEqualTo("shop");
            server.admin().post("/v1/quickstart/git", "{}").expectError(409, "already_installed");
            assertThat(server.admin().get("/v1/quickstart/git").expect(200).get("git").path("installed").asBoolean()).isTrue();
        }
    }

    @ApiTest
    void aServerStartedOutsideAnyRepositoryOffersNothingAndRefusesTheInstallWith422(ApiServer server) {
        JsonNode offered = server.admin().get("/v1/quickstart/git").expect(200).get("git");

        assertThat(offered.path("available").asBoolean()).isFalse();
        assertThat(server.admin().post("/v1/quickstart/git", "{}").expectError(422, "no_repository").message())
                .contains("is not in a Git repository");
        server.anonymous().get("/v1/quickstart/git").expect(401);
        server.admin().get("/v1/integration/git").expect(404);
    }
}
