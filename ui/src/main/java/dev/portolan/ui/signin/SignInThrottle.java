package dev.portolan.ui.signin;

import java.time.Duration;
import java.util.Optional;

/**
 * Limits failed sign-ins per client id and per address. The server hands the UI the very throttle
 * its token endpoint uses, so guesses through the sign-in form and through
 * {@code POST /v1/auth/access_token} count together. Thread-safe.
 */
public interface SignInThrottle {

    /** How long the caller must wait before trying again; empty when it may try now. */
    Optional<Duration> retryAfter(String clientId, String address);

    void failed(String clientId, String address);

    void succeeded(String clientId);

    /** No limit (for tests of the UI alone). */
    SignInThrottle NONE = new SignInThrottle() {
        @Override
        public Optional<Duration> retryAfter(String clientId, String address) {
            return Optional.empty();
        }

        @Override
        public void failed(String clientId, String address) {}

        @Override
        public void succeeded(String clientId) {}
    };
}
