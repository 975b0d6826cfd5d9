package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.spi.FetchException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A GitHub App acting on one organization: an RS256 JWT signed with the app's key finds the app's
 * installation on the organization ({@code GET /orgs/{org}/installation}) and buys an installation
 * access token ({@code POST /app/installations/{id}/access_tokens}), valid an hour. The token is
 * renewed {@link #RENEW_BEFORE} before it expires, so a long resync never sends an expired one.
 * Thread-safe.
 */
final class AppCredentials implements Credentials {

    /** How long before its expiry an installation token is replaced. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private final String appId;
    private final PrivateKey key;
    private final String organization;
    private final URI host;
    private final HttpClient http;
    private final Clock clock;
    private String installationId;
    private String token;
    private Instant expiresAt;
    private int tokensIssued;

    AppCredentials(String appId, String privateKeyPem, String organization, URI host, HttpClient http, Clock clock) {
        this.appId = appId;
        this.key = AppJwt.privateKey(privateKeyPem);
        this.organization = organization;
        this.host = host;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public synchronized String authorization() throws FetchException {
        if (token == null || !clock.instant().isBefore(expiresAt.minus(RENEW_BEFORE))) renew();
        return "Bearer " + token;
    }

    @Override
    public synchronized boolean refused() {
        token = null;
        return true;
    }

    @Override
    public String describe() {
        return "GitHub App " + appId + " installed on " + organization;
    }

    /** How many installation tokens were bought (for tests and the event log). */
    synchronized int tokensIssued() {
        return tokensIssued;
    }

    private void renew() throws FetchException {
        if (installationId == null) {
            JsonNode installation = call("GET", "/orgs/" + organization + "/installation");
            installationId = installation.path("id").asText();
        }
        JsonNode issued = call("POST", "/app/installations/" + installationId + "/access_tokens");
        token = issued.path("token").asText(null);
        if (token == null) throw new FetchException("GitHub gave no installation token for " + describe(), true);
        expiresAt = issued.hasNonNull("expires_at") ? Instant.parse(issued.get("expires_at").asText()) : clock.instant().plus(Duration.ofHours(1));
        tokensIssued++;
    }

    private JsonNode call(String method, String path) throws FetchException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(host + path))
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + AppJwt.sign(appId, key, clock.instant()))
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", GithubClient.API_VERSION)
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new FetchException("reaching " + host + " to authenticate as " + describe() + " failed: " + e, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while authenticating as " + describe(), true, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) return Json.parse(response.body());
        String hint = switch (status) {
            case 401 -> "GitHub refused the app's JWT: check githubAppId and githubAppPrivateKey (and this machine's clock)";
            case 404 -> path.startsWith("/orgs/") ? "the app is not installed on organization '" + organization
                    + "': install it there, or check githubOrganization" : "the app's installation was not found";
            default -> "GitHub answered " + status;
        };
        throw new FetchException(method + " " + path + " answered " + status + ": " + hint, status >= 500);
    }
}
