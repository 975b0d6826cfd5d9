package dev.portolan.integrations.custom;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When to send a request again: on 429 and 5xx answers and on network errors, at most
 * {@code maxAttempts} times in all, waiting what the server's {@code Retry-After} asks (seconds or
 * an HTTP date) or else {@code firstBackoff}, doubling up to {@code maxBackoff}. The sleeper and
 * the clock are injected so that tests never wait.
 *
 * @param maxRetryAfter the longest {@code Retry-After} worth waiting within a resync; beyond it the
 *                      fetch fails (retriable) and the next resync tries again
 */
record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration maxRetryAfter,
                   Sleeper sleeper, Clock clock) {

    /** Waits; {@link Thread#sleep} in production, a recorder in tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    static RetryPolicy standard() {
        return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5),
                Thread::sleep, Clock.systemUTC());
    }

    RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, firstBackoff, maxBackoff, maxRetryAfter, sleeper, clock);
    }

    /** 429 Too Many Requests and every 5xx: the server may answer better later. */
    static boolean retriable(int status) {
        return status == 429 || status >= 500;
    }

    /** The wait before the attempt after {@code failedAttempt} (1-based): {@code Retry-After} when given, else the backoff. */
    Duration delay(int failedAttempt, Optional<String> retryAfter) {
        return retryAfter.flatMap(this::parseRetryAfter).orElseGet(() -> backoff(failedAttempt));
    }

    Duration backoff(int failedAttempt) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(failedAttempt - 1, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private Optional<Duration> parseRetryAfter(String value) {
        String text = value.trim();
        if (text.matches("\\d{1,9}")) return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        try {
            Duration until = Duration.between(clock.instant(), ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
