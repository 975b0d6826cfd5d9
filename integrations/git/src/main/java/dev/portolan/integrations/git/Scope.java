package dev.portolan.integrations.git;

import java.util.function.Predicate;

/**
 * Which repositories a fetch reads, and which of their remotes it fetches at once rather than when
 * the mirror is stale: all of them for a resync; for a live event, the repository it names (and,
 * for kinds that merge across repositories, all of them with only that one fetched).
 */
record Scope(Predicate<RepositoryLocation> includes, Predicate<RepositoryLocation> fetchNow) {

    static final Scope ALL = new Scope(location -> true, location -> false);

    /** Only the repository {@code names} designate: by name, full name, or location (path or URL, {@code .git} optional). */
    static Scope only(java.util.Collection<String> names) {
        Predicate<RepositoryLocation> named = named(names);
        return new Scope(named, named);
    }

    /** Every repository, fetching the one {@code names} designate at once. */
    static Scope allFetching(java.util.Collection<String> names) {
        return new Scope(location -> true, named(names));
    }

    static Predicate<RepositoryLocation> named(java.util.Collection<String> names) {
        java.util.Set<String> wanted = names.stream().map(Scope::trim).collect(java.util.stream.Collectors.toSet());
        return location -> wanted.contains(location.name()) || wanted.contains(location.fullName())
                || wanted.contains(trim(location.location()));
    }

    private static String trim(String s) {
        String t = s.strip().replaceAll("/+$", "");
        return t.endsWith(".git") ? t.substring(0, t.length() - 4) : t;
    }
}
