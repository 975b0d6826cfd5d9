package dev.portolan.integrations.git;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real repository with a working tree, made with JGit for a test: write and delete files, commit
 * as someone at a given time (each commit one minute after the previous), branch, merge, push.
 */
final class TestRepository implements AutoCloseable {

    static final PersonIdent ADA = new PersonIdent("Ada Lovelace", "ada@example.com");
    static final PersonIdent GRACE = new PersonIdent("Grace Hopper", "grace@example.com");
    static final PersonIdent LINUS = new PersonIdent("Linus T", "linus@example.com");

    private static Instant clock = Instant.parse("2024-01-01T00:00:00Z");

    private final Path folder;
    private final Git git;

    private TestRepository(Path folder, Git git) {
        this.folder = folder;
        this.git = git;
    }

    static TestRepository init(Path folder) {
        try {
            Files.createDirectories(folder);
            return new TestRepository(folder, Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call());
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Path folder() {
        return folder;
    }

    Git git() {
        return git;
    }

    TestRepository write(String path, String content) {
        try {
            Path file = folder.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestRepository delete(String path) {
        try {
            Files.delete(folder.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestRepository rename(String from, String to) {
        try {
            Path target = folder.resolve(to);
            Files.createDirectories(target.getParent());
            Files.move(folder.resolve(from), target);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stages every change (additions and deletions) and commits it as {@code who}. */
    RevCommit commit(String message, PersonIdent who) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            PersonIdent at = new PersonIdent(who, clock = clock.plusSeconds(60), java.time.ZoneOffset.UTC);
            return git.commit().setMessage(message).setAuthor(at).setCommitter(at).setSign(false).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    TestRepository checkout(String branch, boolean create) {
        try {
            git.checkout().setName(branch).setCreateBranch(create).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Merges {@code branch} into the current branch with a merge commit. */
    RevCommit merge(String branch, PersonIdent who) {
        try {
            MergeResult result = git.merge().include(git.getRepository().resolve(branch))
                    .setFastForward(org.eclipse.jgit.api.MergeCommand.FastForwardMode.NO_FF).setCommit(false).call();
            if (!result.getMergeStatus().isSuccessful()) throw new IllegalStateException("merge failed: " + result);
            return commit("Merge branch '" + branch + "'", who);
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pushes the current branch to {@code url}, forced when {@code force}. */
    void push(String url, boolean force) {
        try {
            git.push().setRemote(url).setForce(force).add(git.getRepository().getBranch()).call();
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves the current branch back to {@code commit} (as before a force-push). */
    void resetHard(RevCommit commit) {
        try {
            git.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef(commit.name()).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bare repository at {@code folder}, to push to. */
    static Path bare(Path folder) {
        try (Git ignored = Git.init().setBare(true).setDirectory(folder.toFile()).setInitialBranch("main").call()) {
            return folder;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
