package dev.portolan.sync.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The bearer token of one credential: fetched on first use, renewed shortly before it expires
 * (a fifth of its life, at most a minute, before) and when the catalog refuses it. Thread-safe.
 */
final class AccessTokens {

    private static final Duration MAX_MARGIN = Duration.ofMinutes(1);

    private final Supplier<CatalogResponse> fetch;
    private final Clock clock;
    private String token;
    private Instant renewAt;

    /** @param fetch calls {@code POST /v1/auth/access_token}; its failures are the caller's to report */
    AccessTokens(Supplier<CatalogResponse> fetch, Clock clock) {
        this.fetch = fetch;
        this.clock = clock;
    }

    synchronized String current() {
        if (token == null || !clock.instant().isBefore(renewAt)) renew();
        return token;
    }

    /** Forgets {@code refused} (unless a newer token replaced it already), so the next call gets a new one. */
    synchronized void refused(String refused) {
        if (refused.equals(token)) token = null;
    }

    private void renew() {
        CatalogResponse response = fetch.get();
        if (response.status() == 401 || response.status() == 403 || response.status() == 400) {
            throw new CatalogApiException(response.status(), response.error(), "The catalog refused the client id and secret ("
                    + response.message() + "); check --client-id and --client-secret (or PORTOLAN_CLIENT_ID, PORTOLAN_CLIENT_SECRET)",
                    false, null);
        }
        if (!response.ok()) throw CatalogApiException.of("Getting an access token", response);
        JsonNode accessToken = response.body().get("accessToken");
        if (accessToken == null || !accessToken.isTextual()) {
            throw new CatalogApiException(response.status(), "bad_response", "The catalog's token response has no accessToken; "
                    + "is --catalog-url a Portolan server?", false, null);
        }
        Duration life = Duration.ofSeconds(response.body().path("expiresIn").asLong(3600));
        Duration margin = life.dividedBy(5).compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : life.dividedBy(5);
        token = accessToken.asText();
        renewAt = clock.instant().plus(life).minus(margin);
    }
}
