package dev.portolan.integrations.git;

import dev.portolan.sync.spi.FetchException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Bare mirrors of remote repositories in the data directory: cloned on first use, fetched
 * (force, pruning deleted branches, so a force-push is followed) when the last fetch is older than
 * the freshness window. The window exists because each kind of a resync reads every repository:
 * one fetch per resync is enough. Thread-safe: one fetch at a time per mirror.
 */
final class RemoteMirrors {

    private static final String FETCHED_MARKER = "portolan-fetched";
    private static final Pattern URL = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://\\S+");
    private static final Pattern HTTP_REFUSAL = Pattern.compile("\\b40[13]\\b");

    private final Duration freshness;
    private final Clock clock;
    private final Map<Path, Object> locks = new ConcurrentHashMap<>();

    RemoteMirrors(Duration freshness, Clock clock) {
        this.freshness = freshness;
        this.clock = clock;
    }

    /**
     * The mirror's folder, cloned or brought up to date.
     *
     * @param force fetch even within the freshness window (a live event said the remote moved)
     */
    Path mirror(RepositoryLocation location, Path folder, Credentials credentials, boolean force) throws FetchException {
        synchronized (locks.computeIfAbsent(folder, f -> new Object())) {
            if (!Files.exists(folder.resolve(FETCHED_MARKER))) clone(location, folder, credentials);
            else if (force || stale(folder)) fetch(location, folder, credentials);
            return folder;
        }
    }

    private boolean stale(Path folder) {
        try {
            Path marker = folder.resolve(FETCHED_MARKER);
            return !Files.exists(marker)
                    || Files.getLastModifiedTime(marker).toInstant().plus(freshness).isBefore(clock.instant().plusMillis(1));
        } catch (IOException e) {
            return true;
        }
    }

    /** Clones into {@code folder}; the fetched marker, written last, tells a complete clone from one a crash interrupted. */
    private void clone(RepositoryLocation location, Path folder, Credentials credentials) throws FetchException {
        deleteQuietly(folder);
        try {
            Files.createDirectories(folder.getParent());
            // A mirror clone: bare, every ref as the remote has it, so later fetches can force and prune.
            try (Git ignored = Git.cloneRepository().setURI(location.location()).setDirectory(folder.toFile())
                    .setMirror(true).setCredentialsProvider(credentials.provider()).setTimeout(60).call()) {
                // closed at once: the repository is opened again when it is read
            }
            touch(folder);
        } catch (GitAPIException | IOException | RuntimeException e) {
            deleteQuietly(folder);
            throw failure("clone", location, credentials, e);
        }
    }

    private void fetch(RepositoryLocation location, Path folder, Credentials credentials) throws FetchException {
        try (Git git = Git.open(folder.toFile())) {
            git.fetch().setRemote("origin").setRemoveDeletedRefs(true).setForceUpdate(true)
                    .setCredentialsProvider(credentials.provider()).setTimeout(60).call();
            touch(folder);
        } catch (GitAPIException | IOException | RuntimeException e) {
            throw failure("fetch", location, credentials, e);
        }
    }

    private void touch(Path folder) throws IOException {
        Path marker = folder.resolve(FETCHED_MARKER);
        if (!Files.exists(marker)) Files.createFile(marker);
        Files.setLastModifiedTime(marker, FileTime.from(clock.instant()));
    }

    /** A failure with what to do about it: credentials, the URL, or the network. */
    static FetchException failure(String action, RepositoryLocation location, Credentials credentials, Exception e) {
        String message = rootMessage(e);
        // Judged without the URLs JGit quotes: a port or a path holding 401 or 403 says nothing of credentials.
        String lower = URL.matcher(message).replaceAll("<url>").toLowerCase(Locale.ROOT);
        boolean auth = lower.contains("not authorized") || lower.contains("authentication") || HTTP_REFUSAL.matcher(lower).find()
                || lower.contains("credentialsprovider");
        if (auth) {
            return new FetchException("cannot " + action + " " + location.location() + ": the remote refused the credentials ("
                    + message + "). Tip: check settings.username and settings.password"
                    + (credentials.present() ? "" : " (none are set)") + "; a token needs read access to the repository", false, e);
        }
        boolean missing = e instanceof InvalidRemoteException || lower.contains("not found") || lower.contains("does not appear to be a git repository")
                || lower.contains("not a git repository");
        if (missing) {
            return new FetchException("cannot " + action + " " + location.location() + ": no repository there (" + message
                    + "). Tip: check the URL in settings.repositories", false, e);
        }
        boolean network = e instanceof TransportException;
        return new FetchException("cannot " + action + " " + location.location() + ": " + message
                + (network ? ". Tip: the remote is unreachable; check the URL, the network and any proxy; the next resync tries again"
                : ". Tip: check the URL in settings.repositories"), network, e);
    }

    private static String rootMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && (message == null || !message.contains(cause.getMessage()))) {
                message = (message == null ? "" : message + ": ") + cause.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) return;
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover partial clone is replaced by the next attempt
        }
    }

    /** https credentials from the settings; an empty provider when none are set. */
    record Credentials(String username, String password) {
        boolean present() {
            return password != null && !password.isEmpty();
        }

        CredentialsProvider provider() {
            return present() ? new UsernamePasswordCredentialsProvider(username == null || username.isEmpty() ? "token" : username, password)
                    : null;
        }
    }
}
