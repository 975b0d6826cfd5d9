package dev.portolan.server.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.portolan.catalog.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Talks to a started server over real HTTP as one caller: a bearer token (or none), JSON in, an
 * {@link ApiResponse} out. Bodies may be written in relaxed JSON (single quotes, unquoted keys):
 * {@code client.post("/v1/blueprints", "{identifier: 'svc'}")}; {@link #send} sends bytes as they are.
 *
 * <p>Every response is checked for what every endpoint promises, whatever the test: a JSON object
 * with a boolean {@code ok} that is true exactly for statuses below 400, and errors with
 * {@code error} and {@code message}. Thread-safe.
 */
public final class ApiClient {

    private static final ObjectMapper RELAXED = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final java.util.Map<String, String> headers;

    ApiClient(HttpClient http, URI base, String token) {
        this(http, base, token, java.util.Map.of());
    }

    private ApiClient(HttpClient http, URI base, String token, java.util.Map<String, String> headers) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.headers = headers;
    }

    /** The same server with another Authorization token (any text, for auth tests), or none when null. */
    public ApiClient withToken(String otherToken) {
        return new ApiClient(http, base, otherToken, headers);
    }

    /** The same client sending one more header on every request (e.g. Ocean's {@code User-Agent}). */
    public ApiClient withHeader(String name, String value) {
        var more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(http, base, token, java.util.Map.copyOf(more));
    }

    /** The server's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public URI base() {
        return base;
    }

    /** The bearer token this client sends, or null. */
    public String token() {
        return token;
    }

    public ApiResponse get(String path) {
        return send("GET", path, (String) null);
    }

    public ApiResponse delete(String path) {
        return send("DELETE", path, (String) null);
    }

    public ApiResponse post(String path, Object body) {
        return sendJson("POST", path, json(body));
    }

    public ApiResponse put(String path, Object body) {
        return sendJson("PUT", path, json(body));
    }

    public ApiResponse patch(String path, Object body) {
        return sendJson("PATCH", path, json(body));
    }

    /** Sends {@code body} exactly as given (null for none), with this client's token. */
    public ApiResponse send(String method, String path, String body) {
        return send(method, path, body, token == null ? null : "Bearer " + token);
    }

    /** Sends {@code body} with the given Authorization header value (null for none). */
    public ApiResponse send(String method, String path, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) request.header("Content-Type", "application/json");
        if (authorization != null) request.header("Authorization", authorization);
        headers.forEach(request::header);
        String described = method + " " + path;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            ApiResponse result = new ApiResponse(described, response.statusCode(), response.body(), parse(response.body()),
                    response.headers());
            checkEnvelope(result);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(described + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(described + " was interrupted", e);
        }
    }

    /** Relaxed JSON text as a node; a node as it is. */
    public static JsonNode json(Object body) {
        if (body == null || body instanceof JsonNode) return (JsonNode) body;
        try {
            return RELAXED.readTree((String) body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("test body is not JSON: " + body, e);
        }
    }

    /** A path segment or query value, percent-encoded. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private ApiResponse sendJson(String method, String path, JsonNode body) {
        return send(method, path, body == null ? null : Json.write(body));
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isEmpty() ? MissingNode.getInstance() : Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static void checkEnvelope(ApiResponse response) {
        JsonNode body = response.body();
        if (!body.isObject() || !body.path("ok").isBoolean()) {
            throw new AssertionError(response.request() + ": every response must be a JSON object with a boolean 'ok'; got "
                    + response.status() + " " + response.text());
        }
        boolean success = response.status() < 400;
        if (body.get("ok").asBoolean() != success) {
            throw new AssertionError(response.request() + ": 'ok' must be " + success + " for HTTP " + response.status()
                    + "; got " + response.text());
        }
        if (!success && (!body.path("error").isTextual() || !body.path("message").isTextual())) {
            throw new AssertionError(response.request() + ": an error response needs 'error' and 'message'; got " + response.text());
        }
    }
}
