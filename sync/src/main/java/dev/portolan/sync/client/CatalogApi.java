package dev.portolan.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The {@code /v1} API of a remote Portolan, as a self-hosted integration process uses it: a bearer
 * token from a client id and secret (renewed before it expires, and once when refused), JSON in
 * and out, and retries with backoff of what may pass by itself — connection errors, 429 (honouring
 * {@code Retry-After}) and 5xx — a bounded number of times. Failures a person must fix (a refused
 * credential, 403) fail at once with a {@link CatalogApiException} saying what to do. Other
 * responses (404, 409, 422, 207, ...) are the caller's to interpret. Thread-safe.
 */
public final class CatalogApi {

    /** Waits between attempts; injectable so tests do not wait. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    /** The header that makes an admin credential's entity writes count as the named integration's. */
    public static final String INTEGRATION_HEADER = "X-Portolan-Integration";

    private static final Logger LOG = LoggerFactory.getLogger(CatalogApi.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final String base;
    private final String clientId;
    private final String clientSecret;
    private final HttpClient http;
    private final RetryPolicy retries;
    private final Sleeper sleeper;
    private final Clock clock;
    private final AccessTokens tokens;

    public CatalogApi(URI baseUrl, String clientId, String clientSecret) {
        this(baseUrl, clientId, clientSecret, RetryPolicy.DEFAULT, Sleeper.REAL, Clock.systemUTC());
    }

    public CatalogApi(URI baseUrl, String clientId, String clientSecret, RetryPolicy retries, Sleeper sleeper, Clock clock) {
        String url = baseUrl.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        this.retries = retries;
        this.sleeper = sleeper;
        this.clock = clock;
        this.tokens = new AccessTokens(this::fetchToken, clock);
    }

    /** The catalog's base URL, as given. */
    public String baseUrl() {
        return base;
    }

    /**
     * Sends one request with the token, retrying what may pass by itself.
     *
     * @param path        from {@code /v1/...}, with its query string; use {@link #segment} for path parts
     * @param body        the JSON body, or null
     * @param integration sent as {@value #INTEGRATION_HEADER} (the writer of entities), or null
     * @throws CatalogApiException when the catalog stays unreachable or failing, or refuses the credential
     */
    public CatalogResponse send(String method, String path, JsonNode body, String integration) {
        boolean renewed = false;
        while (true) {
            String token = tokens.current();
            CatalogResponse response = withRetries(method + " " + path, () -> request(method, path, body, integration, token));
            if (response.status() == 401 && !renewed) {
                tokens.refused(token);
                renewed = true;
                continue;
            }
            if (response.status() == 401) {
                throw new CatalogApiException(401, response.error(), "The catalog refused the access token of client '" + clientId
                        + "' even after renewing it (" + response.message() + "); check the credential still exists", false, null);
            }
            if (response.status() == 403) {
                throw new CatalogApiException(403, response.error(), method + " " + path + " was forbidden (" + response.message()
                        + "); an integration process needs an admin credential", false, null);
            }
            if (response.status() == 429 || response.status() >= 500) throw CatalogApiException.of(method + " " + path, response);
            return response;
        }
    }

    /** A path segment, percent-encoded. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private CatalogResponse fetchToken() {
        JsonNode body = Json.object().put("clientId", clientId).put("clientSecret", clientSecret);
        return withRetries("POST /v1/auth/access_token", () -> request("POST", "/v1/auth/access_token", body, null, null));
    }

    private HttpRequest request(String method, String path, JsonNode body, String integration, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        if (body != null) builder.header("Content-Type", "application/json");
        if (token != null) builder.header("Authorization", "Bearer " + token);
        if (integration != null) builder.header(INTEGRATION_HEADER, integration);
        return builder.build();
    }

    /** Sends until the response is neither 429 nor 5xx, or the attempts are used up (then returns the last response). */
    private CatalogResponse withRetries(String what, Supplier<HttpRequest> request) {
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            try {
                HttpResponse<String> response = http.send(request.get(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (!transientFailure(response.statusCode()) || attempt >= retries.maxAttempts()) {
                    return new CatalogResponse(response.statusCode(), parse(response.body()));
                }
                wait = retries.delay(attempt, RetryPolicy.retryAfter(response.headers().firstValue("Retry-After").orElse(null), clock));
                LOG.warn("{} answered {}; attempt {} of {}, next in {} ms", what, response.statusCode(), attempt,
                        retries.maxAttempts(), wait.toMillis());
            } catch (IOException e) {
                if (attempt >= retries.maxAttempts()) {
                    throw new CatalogApiException(0, "unreachable", "The catalog at " + base + " is unreachable (" + what + ": " + e
                            + ") after " + attempt + " attempts; check --catalog-url and that the server runs", true, e);
                }
                wait = retries.delay(attempt, null);
                LOG.warn("{} failed ({}); attempt {} of {}, next in {} ms", what, e.toString(), attempt, retries.maxAttempts(), wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CatalogApiException(0, "interrupted", what + " was interrupted", true, e);
            }
            pause(what, wait);
        }
    }

    private void pause(String what, Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogApiException(0, "interrupted", what + " was interrupted while waiting to retry", true, e);
        }
    }

    private static boolean transientFailure(int status) {
        return status == 429 || status >= 500;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) return null;
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return null; // not JSON (a proxy's error page): the status says enough
        }
    }
}
