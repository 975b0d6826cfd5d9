package dev.portolan.integrations.github;

import dev.portolan.sync.spi.FetchReporter;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * What one installation keeps between resyncs: where GitHub is, how to authenticate, the ETag cache
 * and the last rate-limit state GitHub reported. Thread-safe; shared by the fetchers of one
 * installation, each of which talks through its own {@link GithubClient}.
 *
 * @param fingerprint the settings it was made for: new settings get a new connection
 */
record GithubConnection(String fingerprint, URI host, HttpClient http, Credentials credentials, EtagCache cache, Pacing pacing,
                        AtomicReference<RateLimit> rateLimit) {

    /** The primary rate limit as GitHub last reported it. */
    record RateLimit(long remaining, Instant reset) {}

    GithubClient client(FetchReporter reporter, BooleanSupplier cancelled) {
        return new GithubClient(this, reporter, cancelled);
    }
}
