package dev.portolan.integrations.git;

import dev.portolan.sync.files.FileFolders;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * One repository to read, as configured or found: a local folder read in place, or a remote URL
 * read through a bare mirror in the data directory.
 *
 * @param name     the repository's short name (folder or last URL segment, without {@code .git})
 * @param fullName unique within an installation: the path below its scan root, or the name
 * @param location what the user gave or where it was found: an absolute path or a URL (credentials removed)
 * @param remote   true for a URL ({@code file://}, {@code http(s)://}, {@code ssh://}): cloned bare, then fetched
 */
record RepositoryLocation(String name, String fullName, String location, boolean remote) {

    private static final Set<String> SCHEMES = Set.of("file", "http", "https", "ssh", "git");

    /** A configured entry of {@code repositories}: a URL with a known scheme, else a local path. */
    static RepositoryLocation configured(String given) {
        if (isUrl(given)) {
            String clean = withoutUserInfo(given);
            String name = nameOf(URI.create(clean).getPath());
            return new RepositoryLocation(name, name, clean, true);
        }
        Path path = Path.of(given).toAbsolutePath().normalize();
        String name = nameOf(path.toString());
        return new RepositoryLocation(name, name, path.toString(), false);
    }

    /** A repository found below a scan root. */
    static RepositoryLocation found(Path root, Path folder) {
        String relative = root.relativize(folder).toString().replace('\\', '/');
        String name = nameOf(folder.toString());
        String fullName = relative.isEmpty() ? name : stripGit(relative);
        return new RepositoryLocation(name, fullName, folder.toString(), false);
    }

    /** Why {@code given} cannot name a repository, or null when it can. */
    static String problem(String given) {
        if (given.contains("://") && !isUrl(given)) {
            return "'" + given + "' is not a repository URL; use a local path or a file://, http(s):// or ssh:// URL";
        }
        if (isUrl(given) && given.matches("(?i)https?://[^/@]*:[^/@]*@.*")) {
            return "put the password in the 'password' setting (a secret), not in the URL";
        }
        return null;
    }

    static boolean isUrl(String given) {
        int colon = given.indexOf("://");
        if (colon <= 0) return false;
        try {
            URI uri = URI.create(given);
            return uri.getScheme() != null && SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Why this repository may not be read from {@code folders}, or null when it may: a local path,
     * or a {@code file://} URL, must lie in one of them; other URLs are not on this machine's disk.
     */
    String outside(FileFolders folders) {
        try {
            Path local = localFolder();
            return local == null ? null : folders.problem(local);
        } catch (IllegalArgumentException e) {
            return "'" + location + "' is not a valid file:// URL (" + e.getMessage() + "); use an absolute one, like file:///srv/git/api.git";
        }
    }

    /**
     * Where this repository is on this machine's disk: its path, or a {@code file://} URL's; null for other URLs.
     *
     * @throws IllegalArgumentException for a {@code file:} URL that names no absolute path
     */
    Path localFolder() {
        if (!remote) return Path.of(location);
        return location.regionMatches(true, 0, "file:", 0, 5) ? Path.of(URI.create(location)) : null;
    }

    boolean https() {
        return remote && location.regionMatches(true, 0, "http", 0, 4);
    }

    /** A short, stable folder name for this repository's mirror and cache: readable name plus a hash of where it is. */
    String storageKey() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(location.getBytes(StandardCharsets.UTF_8));
            return name.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withoutUserInfo(String url) {
        return url.replaceFirst("(?i)^(https?://)[^/@]*@", "$1");
    }

    private static String nameOf(String path) {
        String trimmed = path.replaceAll("[/\\\\]+$", "");
        int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        String last = stripGit(trimmed.substring(slash + 1));
        return last.isEmpty() ? "repository" : last;
    }

    private static String stripGit(String name) {
        return name.endsWith(".git") ? name.substring(0, name.length() - 4) : name;
    }
}
