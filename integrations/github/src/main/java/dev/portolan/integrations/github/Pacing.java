package dev.portolan.integrations.github;

import java.time.Clock;
import java.time.Duration;

/**
 * How the client waits: retries of 5xx answers and network errors ({@code maxAttempts} in all,
 * {@code firstBackoff} doubling up to {@code maxBackoff}), secondary rate limits (what
 * {@code retry-after} asks, else {@code secondaryBackoff}), and the primary rate limit (until
 * {@code x-ratelimit-reset}, at most {@code maxPrimaryWait}; longer waits fail the fetch, which the
 * next resync retries). The sleeper and the clock are injected so that tests never wait.
 */
record Pacing(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration secondaryBackoff,
              Duration maxPrimaryWait, Sleeper sleeper, Clock clock) {

    /** Waits: {@link Thread#sleep} in production, a recorder in tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    static Pacing standard() {
        return new Pacing(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(65),
                Thread::sleep, Clock.systemUTC());
    }

    Duration backoff(int failedAttempt) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(failedAttempt - 1, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
