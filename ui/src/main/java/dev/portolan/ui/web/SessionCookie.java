package dev.portolan.ui.web;

import dev.portolan.catalog.access.Hmac;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The session of a signed-in browser, kept in the browser as a signed cookie rather than in server
 * memory: every server replica sharing the database (and so the signing key) accepts it.
 *
 * <p>Cookie value: {@code id.expiresEpochSecond.base64url(clientId).credentialVersion.signature},
 * signed with HMAC-SHA256. The credential's version changes when a credential of the same client id
 * is created anew, so a session of a deleted credential never carries over to its successor. The
 * CSRF token of a session is derived from its random id with the same key, so it cannot be guessed
 * from outside and needs no storage. Thread-safe.
 */
public final class SessionCookie {

    public static final String NAME = "portolan_session";

    /** A parsed, verified session. */
    public record Session(String id, String clientId, String credentialVersion, Instant expiresAt) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final Hmac hmac;
    private final Clock clock;
    private final Duration lifetime;

    /** @param key secret bytes; the server derives them from its stored signing key */
    public SessionCookie(byte[] key, Clock clock, Duration lifetime) {
        this.hmac = new Hmac(key);
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A new session for a credential (its client id and {@code Credential.version()}), as the cookie value to set. */
    public String issue(String clientId, String credentialVersion) {
        String id = randomToken();
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        String payload = id + "." + expires + "." + B64.encodeToString(clientId.getBytes(StandardCharsets.UTF_8))
                + "." + B64.encodeToString(credentialVersion.getBytes(StandardCharsets.UTF_8));
        return payload + "." + B64.encodeToString(hmac.sign("session|" + payload));
    }

    /** The session of a cookie value this server issued and that has not expired; empty otherwise. */
    public Optional<Session> verify(String value) {
        if (value == null) return Optional.empty();
        String[] parts = value.split("\\.", -1);
        if (parts.length != 5) return Optional.empty();
        String payload = parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3];
        try {
            byte[] signature = Base64.getUrlDecoder().decode(parts[4]);
            if (!hmac.verify("session|" + payload, signature)) return Optional.empty();
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            if (!expires.isAfter(clock.instant())) return Optional.empty();
            String clientId = new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8);
            String version = new String(Base64.getUrlDecoder().decode(parts[3]), StandardCharsets.UTF_8);
            return Optional.of(new Session(parts[0], clientId, version, expires));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not base64 or not a number: not one of ours
        }
    }

    /** The CSRF token of a session. */
    public String csrfToken(Session session) {
        return B64.encodeToString(hmac.sign("csrf|" + session.id()));
    }

    /** Compares tokens in constant time. */
    public static boolean sameToken(String expected, String given) {
        if (expected == null || given == null) return false;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    public static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }
}
