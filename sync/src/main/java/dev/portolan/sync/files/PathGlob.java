package dev.portolan.sync.files;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Path globs of file and folder selectors (the Git and GitHub integrations): {@code *} matches
 * within one path segment, {@code **} any number of segments, {@code ?} one character. A glob
 * without a {@code /} matches the name at any depth ({@code port.yml} is {@code **}{@code /port.yml}),
 * as in .gitignore; a leading {@code /} anchors it at the root. Paths are relative, {@code /}-separated.
 */
public final class PathGlob {

    private final String glob;
    private final Pattern pattern;

    private PathGlob(String glob) {
        this.glob = glob;
        this.pattern = compile(glob);
    }

    public static PathGlob of(String glob) {
        return new PathGlob(glob);
    }

    /** Whether any of {@code globs} matches a path. */
    public static Predicate<String> anyOf(List<String> globs) {
        List<PathGlob> all = globs.stream().map(PathGlob::of).toList();
        return path -> all.stream().anyMatch(g -> g.matches(path));
    }

    public boolean matches(String path) {
        return pattern.matcher(path.startsWith("/") ? path.substring(1) : path).matches();
    }

    /** The part before the first wildcard, up to its last {@code /}: where matches can start (e.g. to list less). */
    public String literalPrefix() {
        String g = glob.startsWith("/") ? glob.substring(1) : glob;
        int wild = indexOfWildcard(g);
        String head = wild < 0 ? g : g.substring(0, wild);
        if (!glob.startsWith("/") && !glob.contains("/")) return "";
        int slash = head.lastIndexOf('/');
        return slash < 0 ? "" : head.substring(0, slash);
    }

    private static int indexOfWildcard(String g) {
        for (int i = 0; i < g.length(); i++) {
            if (g.charAt(i) == '*' || g.charAt(i) == '?') return i;
        }
        return -1;
    }

    private static Pattern compile(String glob) {
        String g = glob.startsWith("/") ? glob.substring(1) : (glob.contains("/") ? glob : "**/" + glob);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                boolean slash = i + 2 < g.length() && g.charAt(i + 2) == '/';
                regex.append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return glob;
    }
}
