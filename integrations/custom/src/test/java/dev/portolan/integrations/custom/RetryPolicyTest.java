package dev.portolan.integrations.custom;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private final RetryPolicy policy = Kinds.retries(new Kinds.RecordingSleeper());

    @Test
    void backsOffExponentiallyFromOneSecondUpToTheCap() {
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.backoff(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoff(60)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void honoursRetryAfterInSecondsOrAsAnHttpDate() {
        assertThat(policy.delay(1, Optional.of(" 12 "))).isEqualTo(Duration.ofSeconds(12));
        assertThat(policy.delay(1, Optional.of("Fri, 27 Nov 2026 12:01:00 GMT"))).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delay(1, Optional.of("Fri, 27 Nov 2026 11:00:00 GMT"))).isEqualTo(Duration.ZERO);
    }

    @Test
    void fallsBackToTheBackoffWhenRetryAfterIsAbsentOrUnreadable() {
        assertThat(policy.delay(3, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delay(3, Optional.of("soon"))).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void retriesRateLimitsAndServerErrorsOnly() {
        assertThat(RetryPolicy.retriable(429)).isTrue();
        assertThat(RetryPolicy.retriable(500)).isTrue();
        assertThat(RetryPolicy.retriable(503)).isTrue();
        assertThat(RetryPolicy.retriable(400)).isFalse();
        assertThat(RetryPolicy.retriable(401)).isFalse();
        assertThat(RetryPolicy.retriable(404)).isFalse();
    }
}
