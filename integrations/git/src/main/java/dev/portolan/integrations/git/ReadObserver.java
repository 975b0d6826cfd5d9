package dev.portolan.integrations.git;

/**
 * Told each time a kind is read from a repository itself rather than from the cache (what tests
 * and benchmarks assert on: an unchanged repository is not re-read). Called from the fetching thread.
 */
@FunctionalInterface
public interface ReadObserver {

    ReadObserver NONE = (kind, repository) -> {};

    /** @param repository the repository's full name */
    void read(String kind, String repository);
}
