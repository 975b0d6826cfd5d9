package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.http.LinkHeader;
import dev.portolan.sync.spi.FetchException;
import dev.portolan.sync.spi.FetchReporter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Talks to GitHub's REST API for one fetch, within GitHub's limits: lists are read page by page
 * through the {@code Link} header; each GET sends {@code If-None-Match} with the ETag cached from
 * the previous resync and a {@code 304} is served from the cache; when the primary rate limit is
 * spent it waits until {@code x-ratelimit-reset} (said in the event log); secondary limits
 * (403/429 with {@code retry-after}) wait what GitHub asks; 5xx answers and network errors are
 * retried with backoff; a 401 with an app's token buys a new token once. Requests, 304s, waits
 * and the rate limit left are reported as fetch figures. Not thread-safe: one per fetcher.
 */
final class GithubClient {

    static final String API_VERSION = "2022-11-28";

    /** One page of a list, and the URL of the next one (null on the last). */
    record ListPage(List<JsonNode> items, String next) {}

    private record Answer(int status, String body, String next) {}

    private final GithubConnection connection;
    private final FetchReporter reporter;
    private final BooleanSupplier cancelled;

    GithubClient(GithubConnection connection, FetchReporter reporter, BooleanSupplier cancelled) {
        this.connection = connection;
        this.reporter = reporter;
        this.cancelled = cancelled;
    }

    /** The object at {@code pathOrUrl}, or null when GitHub answers 404 (it is gone, or not visible). */
    JsonNode get(String pathOrUrl) throws FetchException {
        Answer answer = send("GET", url(pathOrUrl), null);
        return answer.status() == 404 ? null : Json.parse(answer.body());
    }

    /**
     * One page of a list: a JSON array, or the array under {@code itemsKey} of an object (e.g.
     * {@code workflows}); null when GitHub answers 404.
     */
    ListPage list(String pathOrUrl, String itemsKey) throws FetchException {
        Answer answer = send("GET", url(pathOrUrl), null);
        if (answer.status() == 404) return null;
        JsonNode body = Json.parse(answer.body());
        JsonNode array = itemsKey == null ? body : body.path(itemsKey);
        List<JsonNode> items = new ArrayList<>(array.size());
        array.forEach(items::add);
        return new ListPage(items, answer.next());
    }

    /** A write (e.g. creating a webhook); null when GitHub answers 404. */
    JsonNode post(String path, JsonNode body) throws FetchException {
        Answer answer = send("POST", url(path), body.toString());
        return answer.status() == 404 ? null : Json.parse(answer.body());
    }

    /** {@code path} with {@code per_page=100} added when it has no page size yet: fewer pages, fewer requests. */
    static String paged(String path) {
        if (path.contains("per_page=")) return path;
        return path + (path.contains("?") ? "&" : "?") + "per_page=100";
    }

    private URI url(String pathOrUrl) {
        return pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://") ? URI.create(pathOrUrl)
                : URI.create(connection.host() + pathOrUrl);
    }

    private Answer send(String method, URI url, String body) throws FetchException {
        int failures = 0;
        int primaryLimitHits = 0;
        boolean renewed = false;
        while (true) {
            if (cancelled.getAsBoolean()) throw new FetchException("the resync was aborted", true);
            waitForPrimaryLimit(method, url);
            EtagCache.Entry cached = method.equals("GET") ? connection.cache().get(url.toString()) : null;
            HttpResponse<String> response;
            try {
                response = connection.http().send(request(method, url, body, cached), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                failures = retryOrFail(failures, method + " " + url + " failed: " + e, connection.pacing().backoff(failures + 1));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException("interrupted during " + method + " " + url, true, e);
            }
            reporter.add("requests", 1);
            HttpHeaders headers = response.headers();
            recordRateLimit(headers);
            int status = response.statusCode();
            if (status == 304 && cached != null) {
                reporter.add("not_modified", 1);
                return new Answer(200, cached.body(), cached.next());
            }
            if (status / 100 == 2) {
                String next = LinkHeader.next(headers.allValues("Link")).orElse(null);
                headers.firstValue("ETag").ifPresent(etag -> {
                    if (method.equals("GET")) connection.cache().put(url.toString(), etag, response.body(), next);
                });
                return new Answer(status, response.body(), next);
            }
            if (status == 404) return new Answer(404, response.body(), null);
            if (status == 401 && !renewed && connection.credentials().refused()) {
                renewed = true;
                continue;
            }
            if (status == 401) {
                throw new FetchException(method + " " + path(url) + " answered 401: GitHub refused " + connection.credentials().describe()
                        + "; check that it is valid and not expired", false);
            }
            if ((status == 403 || status == 429) && primaryLimitSpent(headers)) {
                if (++primaryLimitHits > 3) {
                    throw new FetchException("GitHub's rate limit stayed spent after waiting for its reset 3 times; the next resync will try again", true);
                }
                continue; // the wait for the reset happens before the next attempt
            }
            if (status == 403 || status == 429) {
                Duration wait = secondaryWait(headers, response.body());
                if (wait != null) {
                    failures = retryOrFail(failures, method + " " + path(url) + " hit GitHub's secondary rate limit", wait);
                    continue;
                }
            }
            if (status == 403) {
                throw new FetchException(method + " " + path(url) + " answered 403" + excerpt(response.body()) + ": "
                        + PermissionTip.of(headers, connection.credentials().describe()), false);
            }
            if (status >= 500) {
                failures = retryOrFail(failures, method + " " + path(url) + " answered " + status, connection.pacing().backoff(failures + 1));
                continue;
            }
            throw new FetchException(method + " " + path(url) + " answered " + status + excerpt(response.body()), false);
        }
    }

    private HttpRequest request(String method, URI url, String body, EtagCache.Entry cached) throws FetchException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                .header("Authorization", connection.credentials().authorization())
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", API_VERSION)
                .header("User-Agent", "portolan");
        if (cached != null) request.header("If-None-Match", cached.etag());
        if (body == null) request.method(method, HttpRequest.BodyPublishers.noBody());
        else request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        return request.build();
    }

    /** Counts a failed attempt; waits before the next one, or fails the fetch (retriable) once attempts are spent. */
    private int retryOrFail(int failures, String what, Duration wait) throws FetchException {
        int failed = failures + 1;
        if (failed >= connection.pacing().maxAttempts()) {
            throw new FetchException(what + "; gave up after " + failed + " attempts, the next resync will try again", true);
        }
        reporter.add("retries", 1);
        if (wait.compareTo(Duration.ofSeconds(5)) >= 0) reporter.note(what + "; trying again in " + wait.toSeconds() + " s");
        sleep(wait);
        return failed;
    }

    private void recordRateLimit(HttpHeaders headers) {
        var remaining = headers.firstValueAsLong("x-ratelimit-remaining");
        var reset = headers.firstValueAsLong("x-ratelimit-reset");
        if (remaining.isEmpty()) return;
        connection.rateLimit().set(new GithubConnection.RateLimit(remaining.getAsLong(),
                reset.isPresent() ? Instant.ofEpochSecond(reset.getAsLong()) : null));
        reporter.set("rate_limit_remaining", remaining.getAsLong());
    }

    /** True when the answer says the primary limit is spent (the wait then happens before the next attempt). */
    private static boolean primaryLimitSpent(HttpHeaders headers) {
        return headers.firstValue("x-ratelimit-remaining").map("0"::equals).orElse(false)
                && headers.firstValue("retry-after").isEmpty();
    }

    /** When the primary rate limit is spent, waits until GitHub resets it (said in the event log). */
    private void waitForPrimaryLimit(String method, URI url) throws FetchException {
        GithubConnection.RateLimit limit = connection.rateLimit().get();
        if (limit == null || limit.remaining() > 0 || limit.reset() == null) return;
        Duration wait = Duration.between(connection.pacing().clock().instant(), limit.reset()).plusSeconds(1);
        if (wait.isNegative() || wait.isZero()) return;
        if (wait.compareTo(connection.pacing().maxPrimaryWait()) > 0) {
            throw new FetchException("GitHub's rate limit is spent until " + limit.reset() + "; the next resync will try again", true);
        }
        reporter.add("rate_limit_waits", 1);
        reporter.note("GitHub's rate limit is spent: waiting " + wait.toSeconds() + " s until it resets at " + limit.reset()
                + " before " + method + " " + path(url));
        sleep(wait);
        // Assume the reset happened; the next answer tells the truth again.
        connection.rateLimit().compareAndSet(limit, new GithubConnection.RateLimit(-1, null));
    }

    /** What a secondary rate limit asks to wait: {@code retry-after}, else GitHub's advice of a minute; null when this is not one. */
    private Duration secondaryWait(HttpHeaders headers, String body) {
        var retryAfter = headers.firstValueAsLong("retry-after");
        if (retryAfter.isPresent()) return Duration.ofSeconds(retryAfter.getAsLong());
        if (body != null && body.toLowerCase(java.util.Locale.ROOT).contains("secondary rate limit")) {
            return connection.pacing().secondaryBackoff();
        }
        return null;
    }

    private void sleep(Duration wait) throws FetchException {
        try {
            connection.pacing().sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while waiting for GitHub", true, e);
        }
    }

    private String path(URI url) {
        String text = url.toString();
        return text.startsWith(connection.host().toString()) ? text.substring(connection.host().toString().length()) : text;
    }

    /** GitHub's own message, which often says what is wrong. */
    private static String excerpt(String body) {
        if (body == null || body.isBlank()) return "";
        try {
            JsonNode json = Json.parse(body);
            if (json.hasNonNull("message")) return " (" + json.get("message").asText() + ")";
        } catch (RuntimeException ignored) {
            // not JSON: show the start of it
        }
        String text = body.replaceAll("\\s+", " ").strip();
        return " (" + (text.length() > 200 ? text.substring(0, 200) + "..." : text) + ")";
    }
}
