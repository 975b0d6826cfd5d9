package dev.portolan.integrations.git;

import dev.portolan.sync.files.FileFolders;
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
    private final FileFolders folders;

    GitSources(Settings settings, Path installationFolder, RemoteMirrors mirrors, FileFolders folders) {
        this.settings = settings;
        this.installationFolder = installationFolder;
        this.mirrors = mirrors;
        this.folders = folders;
    }

    /**
     * The repositories to read. A scan root outside the allowed folders fails the whole list (what
     * it holds is unknown); a repository outside them fails when opened, like any unreadable one.
     */
    List<RepositoryLocation> list() throws FetchException {
        List<String> scanRoots = GitSettings.list(settings, GitSettings.SCAN_ROOTS);
        for (String root : scanRoots) {
            String problem = folders.problem(Path.of(root));
            if (problem != null) throw new FetchException("scan root " + problem, false);
        }
        return RepositoryDiscovery.discover(GitSettings.list(settings, GitSettings.REPOSITORIES), scanRoots,
                settings.integer(GitSettings.SCAN_DEPTH));
    }

    /**
     * Opens a repository (fetching a remote first when its mirror is stale, or always with {@code fetch}).
     * Checked at every open, not only when the settings were saved: the allowed folders are the
     * server's, and a scan root may hold a symbolic link leading out of them.
     */
    OpenedRepository open(RepositoryLocation location, boolean fetch) throws FetchException {
        String outside = location.outside(folders);
        if (outside != null) {
            throw new FetchException("repository " + outside, false);
        }
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
