package dev.portolan.integrations.custom;

import dev.portolan.catalog.integration.SecretUrls;
import dev.portolan.sync.http.LinkHeader;
import dev.portolan.sync.spi.FetchContext;
import dev.portolan.sync.spi.FetchException;
import dev.portolan.sync.spi.Fetcher;
import dev.portolan.sync.spi.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a kind from an HTTP API: one GET per page, the cursor being the next page's URL. The next
 * page comes from {@code nextPath} (an absolute URL, a relative one, or a bare cursor sent as
 * {@code cursorParam}), else from the {@code Link: <...>; rel="next"} header. 429 and 5xx answers
 * and network errors are retried by the {@link RetryPolicy}; any other failure is a
 * {@link FetchException} saying what to check. Not thread-safe: one per resource per resync.
 */
final class HttpPageFetcher implements Fetcher {

    private static final Logger log = LoggerFactory.getLogger(HttpPageFetcher.class);

    private final CustomKind kind;
    private final HttpClient client;
    private final RetryPolicy retry;
    private final FetchContext context;
    private final PageBody body;

    HttpPageFetcher(CustomKind kind, HttpClient client, RetryPolicy retry, FetchContext context) {
        this.kind = kind;
        this.client = client;
        this.retry = retry;
        this.context = context;
        this.body = new PageBody(kind);
    }

    @Override
    public Page fetch(String cursor) throws FetchException {
        URI url = cursor == null ? kind.url() : URI.create(cursor);
        HttpResponse<InputStream> response = get(url);
        PageBody.Content content;
        try (InputStream in = response.body()) {
            content = body.read(in, "GET " + kind.shown(url));
        } catch (IOException e) {
            throw new FetchException(kind.name() + ": reading the answer of GET " + kind.shown(url) + " failed: " + e, true, e);
        }
        URI next = nextUrl(url, content.next(), response.headers());
        if (url.equals(next)) {
            throw new FetchException(kind.name() + ": the next page of GET " + kind.shown(url) + " is the same URL again; check "
                    + kind.path() + ".nextPath (it should give the next page's URL or cursor, and null on the last page)", false);
        }
        return new Page(content.objects(), next == null ? null : next.toString());
    }

    private HttpResponse<InputStream> get(URI url) throws FetchException {
        for (int attempt = 1; ; attempt++) {
            if (context.cancelled().getAsBoolean()) throw new FetchException(kind.name() + ": the resync was aborted", true);
            String failure;
            Duration wait;
            try {
                HttpResponse<InputStream> response = client.send(request(url), HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status / 100 == 2) return response;
                String excerpt = excerpt(response);
                if (!RetryPolicy.retriable(status)) throw refused(url, status, excerpt, response.headers());
                failure = "answered " + status + (excerpt.isEmpty() ? "" : " (" + excerpt + ")");
                wait = retry.delay(attempt, response.headers().firstValue("Retry-After"));
                if (wait.compareTo(retry.maxRetryAfter()) > 0) {
                    throw new FetchException(kind.name() + ": GET " + kind.shown(url) + " " + failure + " and asked to wait " + wait.toSeconds()
                            + " s; the next resync will try again", true);
                }
            } catch (IOException e) {
                failure = "failed: " + e;
                wait = retry.backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException(kind.name() + ": interrupted while reading GET " + kind.shown(url), true, e);
            }
            if (attempt >= retry.maxAttempts()) {
                throw new FetchException(kind.name() + ": GET " + kind.shown(url) + " " + failure + "; gave up after " + attempt
                        + (attempt == 1 ? " attempt" : " attempts") + ", the next resync will try again", true);
            }
            log.info("integration {} kind {}: GET {} {}; attempt {} of {} in {} ms",
                    context.integration(), kind.name(), kind.shown(url), failure, attempt + 1, retry.maxAttempts(), wait.toMillis());
            sleep(wait, url);
        }
    }

    private HttpRequest request(URI url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET().timeout(kind.timeout())
                .header("Accept", "application/json, application/x-ndjson;q=0.9, */*;q=0.5");
        kind.headers().forEach(request::header);
        return request.build();
    }

    private FetchException refused(URI url, int status, String excerpt, HttpHeaders headers) {
        String said = excerpt.isEmpty() ? "" : " (" + excerpt + ")";
        if (status / 100 == 3) {
            return new FetchException(kind.name() + ": GET " + kind.shown(url) + " answered " + status + " and points to "
                    + SecretUrls.redact(headers.firstValue("Location").orElse("(no Location)"), kind.secretQueryParams()) + "; set " + kind.path() + ".url to where it points"
                    + " (redirects are not followed, so that the kind's headers never go to another server)", false);
        }
        return switch (status) {
            case 401, 403 -> new FetchException(kind.name() + ": GET " + kind.shown(url) + " answered " + status + said
                    + ": the credentials were refused; check " + kind.path() + ".headers (e.g. Authorization) and that they"
                    + " are valid and allowed to read this URL", false);
            case 404 -> new FetchException(kind.name() + ": GET " + kind.shown(url) + " answered 404 Not Found; check " + kind.path()
                    + ".url (or the next-page link the API gave)", false);
            default -> new FetchException(kind.name() + ": GET " + kind.shown(url) + " answered " + status + said
                    + "; check " + kind.path(), false);
        };
    }

    /** The start of an error answer's body, on one line: APIs often say there what is wrong. */
    private static String excerpt(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            String text = new String(in.readNBytes(300), StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
            return text.length() > 200 ? text.substring(0, 200) + "..." : text;
        } catch (IOException e) {
            return "";
        }
    }

    private void sleep(Duration wait, URI url) throws FetchException {
        try {
            retry.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(kind.name() + ": interrupted while waiting to retry GET " + kind.shown(url), true, e);
        }
    }

    /**
     * The next page's URL: {@code next} from nextPath when given (absolute URL as is; {@code /...},
     * {@code ?...}, {@code ./...} and {@code ../...} resolved against {@code current}; anything else is
     * a cursor sent as {@code cursorParam}), else the {@code Link} header's {@code rel="next"}; null when neither.
     */
    URI nextUrl(URI current, String next, HttpHeaders headers) throws FetchException {
        String target;
        if (next == null) {
            target = LinkHeader.next(headers.allValues("Link")).orElse(null);
            if (target == null) return null;
        } else if (isUrl(next)) {
            target = next;
        } else {
            return withQueryParameter(current, kind.cursorParam(), next);
        }
        try {
            return current.resolve(new URI(target));
        } catch (Exception e) {
            throw new FetchException(kind.name() + ": the next page of GET " + kind.shown(current) + " is '" + SecretUrls.redact(target, kind.secretQueryParams())
                    + "', which is not a valid URL; check " + kind.path() + ".nextPath", false, e);
        }
    }

    private static boolean isUrl(String next) {
        String lower = next.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://")
                || next.startsWith("/") || next.startsWith("?") || next.startsWith("./") || next.startsWith("../");
    }

    /** {@code url} with {@code name=value} in its query, replacing any earlier value of {@code name}. */
    static URI withQueryParameter(URI url, String name, String value) {
        List<String> pairs = new ArrayList<>();
        if (url.getRawQuery() != null) {
            for (String pair : url.getRawQuery().split("&")) {
                String key = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                if (!pair.isEmpty() && !key.equals(name)) pairs.add(pair);
            }
        }
        pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        String text = url.toString();
        int cut = text.indexOf('?') >= 0 ? text.indexOf('?') : text.indexOf('#') >= 0 ? text.indexOf('#') : text.length();
        return URI.create(text.substring(0, cut) + "?" + String.join("&", pairs));
    }
}
