package dev.portolan.server.testing;

import dev.portolan.catalog.integration.SyncRecord;
import dev.portolan.server.PortolanServer;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Real Git repositories made with JGit for server tests, and a wait for the resync they lead to. */
public final class GitRepositories {

    private GitRepositories() {}

    /** A repository at {@code folder} with a README and one commit by Ada. */
    public static Path create(Path folder) throws Exception {
        Files.createDirectories(folder);
        try (Git git = Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call()) {
            Files.writeString(folder.resolve("README.md"), "# " + folder.getFileName() + "\n\nA service.\n");
            git.add().addFilepattern(".").call();
            PersonIdent ada = new PersonIdent("Ada Lovelace", "ada@example.com");
            git.commit().setMessage("Start").setAuthor(ada).setCommitter(ada).setSign(false).call();
        }
        return folder;
    }

    /**
     * The report of the installation's latest resync once none runs (waiting at most a minute: a
     * bound against a hang, not a timing assertion).
     */
    public static SyncRecord awaitResync(PortolanServer server, String installation) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            var reports = server.integrations().repository().reports(installation, 1);
            boolean running = server.integrations().launcher().running(installation).isPresent();
            if (!running && !reports.isEmpty() && reports.getFirst().finishedAt() != null) return reports.getFirst();
            Thread.sleep(50);
        }
        throw new AssertionError("the resync of '" + installation + "' did not finish within a minute");
    }
}
