package dev.portolan.server.api;

import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;
import dev.portolan.server.testing.GitRepositories;
import dev.portolan.server.testing.Ids;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Git integration is installed like any other through {@code /v1/integration}; it reads local
 * repositories only in the allowed folders (the data directory and {@code --file-folder}).
 */
class GitIntegrationApiTest {

    @ApiTest
    void aRepositoryInTheDataDirectoryBecomesAServiceWithItsReadme(ApiServer server) throws Exception {
        String id = Ids.unique("git");
        Path repo = GitRepositories.create(server.dataDirectory().resolve("repos").resolve(id + "-api"));

        server.admin().post("/v1/integration", "{installationId: '" + id + "', installationAppType: 'git', settings: {repositories: ['"
                + repo + "']}}").expect(201);

        assertThat(GitRepositories.awaitResync(server.server(), id).state()).isEqualTo("completed");
        var service = server.admin().get("/v1/blueprints/service/entities/" + id + "-api").expect(200).get("entity");
        assertThat(service.path("properties").path("readme").asText()).contains("A service.");
        assertThat(service.path("properties").path("url").asText()).isEqualTo(repo.toString());
    }

    @ApiTest
    void aRepositoryOrScanRootOutsideTheAllowedFoldersIsRefusedAtInstallAndAtSettingsSaveChangingNothing(ApiServer server) throws Exception {
        String id = Ids.unique("git");
        Path outside = Files.createTempDirectory("portolan-outside-");
        try {
            var refused = server.admin().post("/v1/integration", "{installationId: '" + id + "', installationAppType: 'git', settings: {"
                    + "repositories: ['" + outside + "', '" + outside.toUri() + "'], scanRoots: ['" + outside + "']}}");

            assertThat(refused.expectError(422, "invalid_settings").detailPaths())
                    .containsExactly("settings.repositories[0]", "settings.repositories[1]", "settings.scanRoots[0]");
            assertThat(refused.message()).contains("outside the folders files may be read from", "--file-folder");
            server.admin().get("/v1/integration/" + id).expect(404);

            Path inside = GitRepositories.create(server.dataDirectory().resolve("repos").resolve(id));
            server.admin().post("/v1/integration", "{installationId: '" + id + "', installationAppType: 'git', settings: {repositories: ['"
                    + inside + "']}}").expect(201);
            GitRepositories.awaitResync(server.server(), id);
            server.admin().patch("/v1/integration/" + id, "{settings: {scanRoots: ['" + outside + "']}}")
                    .expectError(422, "invalid_settings");
            assertThat(server.admin().get("/v1/integration/" + id).expect(200).get("integration").path("settings").path("scanRoots"))
                    .isEmpty();
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @ApiTest
    void thePasswordAndWebhookSecretAreNeverReturnedAndAPasswordInARepositoryUrlIsRefused(ApiServer server) throws Exception {
        String id = Ids.unique("git");
        Path repo = GitRepositories.create(server.dataDirectory().resolve("repos").resolve(id + "-api"));

        var refused = server.admin().post("/v1/integration", "{installationId: '" + id + "', installationAppType: 'git', settings: {"
                + "repositories: ['https://reader:pa55word@example.com/acme/web.git']}}");
        assertThat(refused.expectError(422, "invalid_settings").detailPaths()).containsExactly("settings.repositories[0]");
        assertThat(refused.message()).contains("put the password in the 'password' setting").doesNotContain("pa55word");

        server.admin().post("/v1/integration", "{installationId: '" + id + "', installationAppType: 'git', settings: {repositories: ['"
                + repo + "'], username: 'reader', password: 'pa55word', webhookSecret: 'hook-s3cret'}}").expect(201);
        GitRepositories.awaitResync(server.server(), id);
        var shown = server.admin().get("/v1/integration/" + id).expect(200);

        assertThat(shown.get("integration").path("settings").path("password").asText()).isEqualTo("********");
        assertThat(shown.get("integration").path("settings").path("webhookSecret").asText()).isEqualTo("********");
        assertThat(shown.get("integration").path("settings").path("username").asText()).isEqualTo("reader");
        assertThat(shown.text()).doesNotContain("pa55word", "hook-s3cret");
    }
}
