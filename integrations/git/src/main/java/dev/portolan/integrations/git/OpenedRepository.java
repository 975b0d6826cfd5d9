package dev.portolan.integrations.git;

import dev.portolan.sync.spi.FetchException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A repository opened for reading, with the branch to read resolved to its head commit. Closed by
 * whoever opened it; not thread-safe.
 *
 * @param head        null when the repository has no commit yet
 * @param stateFolder where what was read from this repository is kept between resyncs (the cache)
 */
record OpenedRepository(RepositoryLocation location, Repository repository, String branch, ObjectId head, Path stateFolder)
        implements AutoCloseable {

    /**
     * Opens the repository at {@code folder} (a working tree or a bare repository) and resolves
     * {@code branch} (null: the repository's HEAD).
     */
    static OpenedRepository open(RepositoryLocation location, Path folder, String branch, Path stateFolder) throws FetchException {
        if (!RepositoryDiscovery.isRepository(folder)) {
            throw new FetchException(location.location() + " is not a Git repository (no .git, and not a bare repository)."
                    + " Tip: check the path in settings.repositories, or run 'git init' there", false);
        }
        Repository repository;
        try {
            repository = build(folder);
        } catch (IOException | RuntimeException e) {
            throw new FetchException("cannot open " + location.location() + " as a Git repository: " + e.getMessage()
                    + ". Tip: check that the folder is a readable repository", false, e);
        }
        try {
            return resolve(location, repository, branch, stateFolder);
        } catch (FetchException | RuntimeException e) {
            repository.close();
            throw e;
        }
    }

    /**
     * The repository at {@code folder}, from JGit's cache of open repositories when its Git folder
     * is a plain one: a resync reads every repository once per kind, and a resync with nothing
     * changed should cost a look at the refs, not parsing each repository's configuration again.
     * (Refs and packs are still read from disk each time: JGit checks their files for changes.)
     * Closing gives it back to the cache, which closes it an hour after its last use.
     */
    private static Repository build(Path folder) throws IOException {
        File dir = folder.toFile();
        File dotGit = new File(dir, Constants.DOT_GIT);
        File gitDir = dotGit.isDirectory() ? dotGit : dotGit.exists() ? null : dir;
        if (gitDir != null) return RepositoryCache.open(RepositoryCache.FileKey.exact(gitDir, FS.DETECTED), true);
        // a .git file (a linked worktree, a submodule): JGit's builder follows it
        return new FileRepositoryBuilder().setMustExist(true).setWorkTree(dir).build();
    }

    private static OpenedRepository resolve(RepositoryLocation location, Repository repository, String branch, Path stateFolder)
            throws FetchException {
        try {
            if (branch == null || branch.isBlank()) {
                Ref head = repository.exactRef(Constants.HEAD);
                String name = head != null && head.isSymbolic() ? Repository.shortenRefName(head.getTarget().getName()) : null;
                ObjectId id = head == null ? null : head.getObjectId();
                return new OpenedRepository(location, repository, name, id, stateFolder);
            }
            Ref ref = repository.exactRef(Constants.R_HEADS + branch);
            if (ref == null || ref.getObjectId() == null) {
                List<String> branches = repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS).stream()
                        .map(r -> Repository.shortenRefName(r.getName())).toList();
                throw new FetchException(location.location() + " has no branch '" + branch + "' (it has: "
                        + (branches.isEmpty() ? "no branches" : String.join(", ", branches))
                        + "). Tip: fix settings.branch, or leave it empty to read each repository's HEAD", false);
            }
            return new OpenedRepository(location, repository, branch, ref.getObjectId(), stateFolder);
        } catch (IOException e) {
            throw new FetchException("cannot read the refs of " + location.location() + ": " + e.getMessage(), true, e);
        }
    }

    /** The head as text, or {@code "empty"} for a repository without commits (for the cache). */
    String headName() {
        return head == null ? "empty" : head.name();
    }

    @Override
    public void close() {
        repository.close();
    }
}
