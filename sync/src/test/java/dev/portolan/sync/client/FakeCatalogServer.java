package dev.portolan.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.portolan.catalog.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A stand-in for a Portolan server's {@code /v1} API, on the JDK's HTTP server: the token endpoint
 * issues {@code token-1}, {@code token-2}, ...; every other route answers as the test scripts it,
 * and every request is recorded. For testing {@link CatalogApi} and {@link HttpCatalogClient}
 * without depending on the server module.
 */
final class FakeCatalogServer implements AutoCloseable {

    record Request(String method, String path, String query, Map<String, String> headers, JsonNode body) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    record Reply(int status, String body, Map<String, String> headers) {
        static Reply json(int status, String body) {
            return new Reply(status, body, Map.of());
        }

        Reply withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Reply(status, body, all);
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Request, Reply>> routes = new LinkedHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile long tokenLifeSeconds = 3600;

    FakeCatalogServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        on("POST /v1/auth/access_token", r -> Reply.json(200, "{\"ok\":true,\"accessToken\":\"token-" + tokensIssued.incrementAndGet()
                + "\",\"expiresIn\":" + tokenLifeSeconds + ",\"tokenType\":\"Bearer\"}"));
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers {@code "METHOD /path"} (the path without its query string) with {@code handler}. */
    FakeCatalogServer on(String route, Function<Request, Reply> handler) {
        synchronized (routes) {
            routes.put(route, handler);
        }
        return this;
    }

    /** Answers a route with these replies in turn; the last one repeats. */
    FakeCatalogServer script(String route, Reply... replies) {
        AtomicInteger next = new AtomicInteger();
        return on(route, r -> replies[Math.min(next.getAndIncrement(), replies.length - 1)]);
    }

    void tokenLife(long seconds) {
        tokenLifeSeconds = seconds;
    }

    int tokensIssued() {
        return tokensIssued.get();
    }

    /** Requests to {@code route}, in order. */
    List<Request> requests(String route) {
        synchronized (requests) {
            return requests.stream().filter(r -> (r.method() + " " + r.path()).equals(route)).toList();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), headers, raw.length == 0 ? null : Json.MAPPER.readTree(raw));
        synchronized (requests) {
            requests.add(request);
        }
        Function<Request, Reply> handler;
        synchronized (routes) {
            handler = routes.get(request.method() + " " + request.path());
        }
        Reply reply = handler == null ? Reply.json(404, "{\"ok\":false,\"error\":\"not_found\",\"message\":\"No route\"}") : handler.apply(request);
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
