package dev.portolan.server.integrations;

import dev.portolan.integrations.custom.CustomIntegration;
import dev.portolan.integrations.git.GitIntegration;
import dev.portolan.integrations.github.GithubIntegration;
import dev.portolan.sync.files.FileFolders;
import dev.portolan.sync.host.IntegrationRegistry;

import java.nio.file.Path;

/** The integration types this server can run: the one place where they are registered. */
public final class Integrations {

    private Integrations() {}

    /**
     * @param dataDirectory      where integrations keep their working files (the Git integration's mirrors and caches)
     * @param fileFolders        where {@code file:} sources may be read from
     * @param repositoryFolders  where local Git repositories may be read from: {@code fileFolders} and the
     *                           repositories the server was told to read ({@code serve --git}, the quickstart's)
     */
    public static IntegrationRegistry registry(Path dataDirectory, FileFolders fileFolders, FileFolders repositoryFolders) {
        return new IntegrationRegistry()
                .register(new CustomIntegration(fileFolders))
                .register(new GithubIntegration())
                .register(new GitIntegration(dataDirectory, repositoryFolders));
    }

    /** With local files and repositories read from the same folders. */
    public static IntegrationRegistry registry(Path dataDirectory, FileFolders folders) {
        return registry(dataDirectory, folders, folders);
    }
}
