package dev.portolan.server.standalone;

import dev.portolan.server.cli.IntegrationRunCommand;
import dev.portolan.server.testing.ApiServer;
import dev.portolan.server.testing.ApiTest;
import dev.portolan.server.testing.GitRepositories;
import dev.portolan.server.testing.Ids;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code portolan integration run --type git}: the Git integration as its own process, with the
 * types the command line knows, its working files in {@code --data-dir}, and local repositories
 * read only from the folders named with {@code --file-folder}.
 */
class GitRunCommandTest {

    private static int run(ApiServer server, Path config, Path dataDir, StringWriter err, String... folders) {
        CommandLine command = new CommandLine(new IntegrationRunCommand());
        command.setOut(new PrintWriter(new StringWriter(), true));
        command.setErr(new PrintWriter(err, true));
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--type", "git", "--config", config.toString(),
                "--catalog-url", "http://127.0.0.1:" + server.port(), "--client-id", ApiServer.ADMIN_CLIENT_ID,
                "--client-secret", ApiServer.ADMIN_CLIENT_SECRET, "--port", "0", "--data-dir", dataDir.toString(), "--once"));
        for (String folder : folders) args.addAll(java.util.List.of("--file-folder", folder));
        return command.execute(args.toArray(String[]::new));
    }

    @ApiTest
    void theGitTypeRunsAsItsOwnProcessOnRepositoriesInTheNamedFoldersOnly(ApiServer server) throws Exception {
        Path temp = Files.createTempDirectory("portolan-git-run-");
        String id = Ids.unique("gitrun");
        Path repo = GitRepositories.create(temp.resolve("repos").resolve(id + "-svc"));
        Path config = Files.writeString(temp.resolve("git.yaml"), "identifier: " + id + "\nsettings:\n  repositories: ['" + repo + "']\n");

        StringWriter refused = new StringWriter();
        assertThat(run(server, config, temp.resolve("data"), refused)).isEqualTo(2);
        assertThat(refused.toString()).contains("settings.repositories[0]", "outside the folders files may be read from");

        assertThat(run(server, config, temp.resolve("data"), new StringWriter(), temp.resolve("repos").toString())).isZero();
        assertThat(server.admin().get("/v1/blueprints/service/entities/" + id + "-svc").expect(200).get("entity")
                .path("properties").path("readme").asText()).contains("A service.");
        assertThat(Files.isDirectory(temp.resolve("data/git/" + id + "/cache"))).isTrue();
    }
}
