package dev.portolan.server.auth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(5);

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Limits(3, 5, WINDOW), clock);

    @Test
    void aClientIdIsThrottledAfterItsLimitOfFailuresUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.retryAfter("bot", "10.0.0.1")).isEmpty();
            throttle.failed("bot", "10.0.0.1");
            now = now.plusSeconds(10);
        }
        assertThat(throttle.retryAfter("bot", "10.0.0.2")).contains(WINDOW.minusSeconds(30));
        assertThat(throttle.retryAfter("other", "10.0.0.2")).isEmpty();

        now = now.plus(WINDOW.minusSeconds(30));
        assertThat(throttle.retryAfter("bot", "10.0.0.2")).isEmpty();
    }

    @Test
    void anAddressIsThrottledAfterItsLimitOfFailuresWhateverTheClientIds() {
        for (int i = 0; i < 5; i++) throttle.failed("guess-" + i, "10.0.0.1");

        assertThat(throttle.retryAfter("someone-else", "10.0.0.1")).contains(WINDOW);
        assertThat(throttle.retryAfter("someone-else", "10.0.0.9")).isEmpty();
    }

    @Test
    void aSuccessClearsTheClientIdsFailuresButNotTheAddresses() {
        for (int i = 0; i < 2; i++) throttle.failed("bot", "10.0.0.1");
        throttle.succeeded("bot");
        for (int i = 0; i < 2; i++) throttle.failed("bot", "10.0.0.1");

        assertThat(throttle.retryAfter("bot", "10.0.0.2")).isEmpty();
        throttle.failed("bot", "10.0.0.1");
        assertThat(throttle.retryAfter("unrelated", "10.0.0.1")).as("five failures from this address").isPresent();
    }
}
