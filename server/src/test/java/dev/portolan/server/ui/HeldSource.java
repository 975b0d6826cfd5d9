package dev.portolan.server.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * An HTTP source for the {@code custom} integration that serves two pages of items and holds the
 * second until the test calls {@link #release()}: a resync of it is certainly still running, with the
 * first page's items counted, for as long as the test wants to look at it.
 *
 * <pre>{@code
 * try (HeldSource source = HeldSource.start(3, 2)) {
 *     install with source.kinds() ...; the Sync Status shows 3 fetched, syncing
 *     source.release(); ... completed, 5 fetched
 * }
 * }</pre>
 */
final class HeldSource implements AutoCloseable {

    private final HttpServer server;
    private final CountDownLatch released = new CountDownLatch(1);

    private HeldSource(HttpServer server) {
        this.server = server;
    }

    /** Serves {@code first} items on page 1 and {@code second} more on page 2, which waits for {@link #release()}. */
    static HeldSource start(int first, int second) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        HeldSource source = new HeldSource(http);
        String base = "http://127.0.0.1:" + http.getAddress().getPort();
        http.createContext("/p1", exchange -> respond(exchange, "{\"items\": " + items(0, first) + ", \"next\": \"" + base + "/p2\"}"));
        http.createContext("/p2", exchange -> {
            source.awaitRelease();
            respond(exchange, "{\"items\": " + items(first, first + second) + ", \"next\": null}");
        });
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.start();
        return source;
    }

    /** The {@code kinds} setting of custom for this source (kind {@code item}; a long timeout: the test holds page 2). */
    String kinds() {
        return "{\"item\": {\"url\": \"http://127.0.0.1:" + server.getAddress().getPort()
                + "/p1\", \"itemsPath\": \".items\", \"nextPath\": \".next\", \"timeoutSeconds\": 600}}";
    }

    void release() {
        released.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }

    private void awaitRelease() {
        try {
            released.await(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String items(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "{\"id\": \"held-" + i + "\", \"name\": \"Held " + i + "\", \"url\": \"https://example.com/"
                + i + "\"}").collect(Collectors.joining(", ", "[", "]"));
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
