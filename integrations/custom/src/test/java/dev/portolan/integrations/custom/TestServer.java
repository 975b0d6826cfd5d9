package dev.portolan.integrations.custom;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A real HTTP server on 127.0.0.1 for the tests: answers per path, and records every request. */
final class TestServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Request(String pathAndQuery, Headers headers) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** What to answer. */
    record Answer(int status, Map<String, String> headers, String body) {
        static Answer json(String body) {
            return new Answer(200, Map.of("Content-Type", "application/json"), body);
        }

        static Answer status(int status, String body) {
            return new Answer(status, Map.of(), body);
        }

        Answer withHeader(String name, String value) {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.put(name, value);
            return new Answer(status, all, body);
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Request, Answer>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    TestServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers requests to {@code path} (any query) with what {@code answer} gives. */
    TestServer on(String path, Function<Request, Answer> answer) {
        routes.put(path, answer);
        return this;
    }

    TestServer on(String path, Answer answer) {
        return on(path, request -> answer);
    }

    /** Answers with each of {@code answers} in turn, repeating the last one. */
    TestServer onInTurn(String path, Answer... answers) {
        int[] next = {0};
        return on(path, request -> answers[Math.min(next[0]++, answers.length - 1)]);
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<String> requestedPaths() {
        return requests().stream().map(Request::pathAndQuery).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        Request request = new Request(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), exchange.getRequestHeaders());
        requests.add(request);
        Function<Request, Answer> route = routes.get(uri.getRawPath());
        Answer answer = route == null ? Answer.status(404, "{\"message\":\"no such path\"}") : route.apply(request);
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
