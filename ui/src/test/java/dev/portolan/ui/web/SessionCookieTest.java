package dev.portolan.ui.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCookieTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private final SessionCookie sessions = at(NOW);

    private static SessionCookie at(Instant now) {
        return new SessionCookie("key".getBytes(StandardCharsets.UTF_8), Clock.fixed(now, ZoneOffset.UTC), Duration.ofHours(12));
    }

    @Test
    void aCookieItIssuedNamesItsClientId() {
        assertThat(sessions.verify(sessions.issue("alice|with.dots", "v1")).orElseThrow().clientId()).isEqualTo("alice|with.dots");
    }

    @Test
    void aTamperedCookieIsRefused() {
        String cookie = sessions.issue("member-1", "v1");
        String[] parts = cookie.split("\\.");
        String otherClient = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("admin".getBytes(StandardCharsets.UTF_8));
        assertThat(sessions.verify(parts[0] + "." + parts[1] + "." + otherClient + "." + parts[3] + "." + parts[4])).isEmpty();
        assertThat(sessions.verify(cookie + "x")).isEmpty();
        assertThat(sessions.verify("garbage")).isEmpty();
        assertThat(sessions.verify(null)).isEmpty();
    }

    @Test
    void aCookieSignedWithAnotherKeyIsRefused() {
        SessionCookie other = new SessionCookie("other".getBytes(StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(12));
        assertThat(sessions.verify(other.issue("admin", "v1"))).isEmpty();
    }

    @Test
    void anExpiredCookieIsRefused() {
        String cookie = sessions.issue("alice", "v1");
        assertThat(at(NOW.plus(Duration.ofHours(11))).verify(cookie)).isPresent();
        assertThat(at(NOW.plus(Duration.ofHours(12))).verify(cookie)).isEmpty();
    }

    @Test
    void aSessionNamesTheVersionOfTheCredentialItWasIssuedFor() {
        assertThat(sessions.verify(sessions.issue("alice", "v7")).orElseThrow().credentialVersion()).isEqualTo("v7");
    }

    @Test
    void eachSessionHasItsOwnCsrfToken() {
        var first = sessions.verify(sessions.issue("alice", "v1")).orElseThrow();
        var second = sessions.verify(sessions.issue("alice", "v1")).orElseThrow();
        assertThat(sessions.csrfToken(first)).isNotEqualTo(sessions.csrfToken(second)).isEqualTo(sessions.csrfToken(first));
    }
}
