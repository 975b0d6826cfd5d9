package dev.portolan.sync.spi;

/**
 * What a fetcher tells the resync about its fetch besides the objects: notes for the event log
 * and the Sync Status (a rate-limit wait, a skipped repository), and the integration's own fetch
 * figures (requests made, answers served from cache, rate limit left), kept in the kind's report
 * and exported in {@code /metrics}. Thread-safe; cheap enough to call per request.
 */
public interface FetchReporter {

    /** A line for the event log and the kind's report (kept: the first few). */
    void note(String message);

    /** Adds {@code delta} to the figure {@code name} (e.g. {@code requests}). */
    void add(String name, long delta);

    /** Sets the figure {@code name} to its latest value (e.g. {@code rate_limit_remaining}). */
    void set(String name, long value);

    /** Reports nothing: for checks and tests. */
    FetchReporter NONE = new FetchReporter() {
        @Override public void note(String message) {}
        @Override public void add(String name, long delta) {}
        @Override public void set(String name, long value) {}
    };
}
