package dev.portolan.sync.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How {@link CatalogApi} retries what may pass by itself: connection errors, 429 and 5xx.
 * Backoff doubles from {@code initialBackoff} up to {@code maxBackoff}; a {@code Retry-After}
 * header (seconds or an HTTP date) is honoured instead, up to {@code maxRetryAfter}.
 *
 * @param maxAttempts attempts in all, the first included (1 = never retry)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(10));

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }

    /** How long to wait after failed attempt number {@code attempt} (1-based); {@code retryAfter} may be null. */
    public Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null) return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
        Duration backoff = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }

    /** A {@code Retry-After} header as a wait from now: delta-seconds or an HTTP date; null when absent or unreadable. */
    public static Duration retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) return null;
        String value = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
