package dev.portolan.integrations.git;

import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.spi.FetchException;

import java.nio.file.Path;
import java.util.List;

/**
 * Where one installation's repositories are: the configured and scanned locations, and how to
 * open each (a local folder in place, a remote through its mirror under {@code mirrors/}).
 */
final class GitSources {

    private final Settings settings;
    private final Path installationFolder;
    private final RemoteMirrors mirrors;

    GitSources(Settings settings, Path installationFolder, RemoteMirrors mirrors) {
        this.settings = settings;
        this.installationFolder = installationFolder;
        this.mirrors = mirrors;
    }

    List<RepositoryLocation> list() throws FetchException {
        return RepositoryDiscovery.discover(GitSettings.list(settings, GitSettings.REPOSITORIES),
                GitSettings.list(settings, GitSettings.SCAN_ROOTS), settings.integer(GitSettings.SCAN_DEPTH));
    }

    /** Opens a repository (fetching a remote first when its mirror is stale, or always with {@code fetch}). */
    OpenedRepository open(RepositoryLocation location, boolean fetch) throws FetchException {
        Path folder = location.remote()
                ? mirrors.mirror(location, installationFolder.resolve("mirrors").resolve(location.storageKey() + ".git"), credentials(), fetch)
                : Path.of(location.location());
        return OpenedRepository.open(location, folder, settings.string(GitSettings.BRANCH), cacheFolder().resolve(location.storageKey()));
    }

    /** Where this installation's per-repository cache of raw objects lives. */
    Path cacheFolder() {
        return installationFolder.resolve("cache");
    }

    int commitDepth() {
        return settings.integer(GitSettings.COMMIT_DEPTH);
    }

    private RemoteMirrors.Credentials credentials() {
        return new RemoteMirrors.Credentials(settings.string(GitSettings.USERNAME), settings.string(GitSettings.PASSWORD));
    }
}
