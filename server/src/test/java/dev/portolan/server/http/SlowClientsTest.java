package dev.portolan.server.http;

import dev.portolan.server.HttpTimeouts;
import dev.portolan.server.ServerSettings;
import dev.portolan.server.testing.ApiServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that send a request's headers and then stall (never the body) on the loopback
 * interface: they must not keep the server from answering others, and are dropped after the
 * read timeout. Bounded: a fixed number of connections, each closed by the test.
 */
class SlowClientsTest {

    private static final int SLOW_CLIENTS = 300;

    @Test
    void theServerListensOnLoopbackOnlyAndTimesOutIdleAndStalledClientsByDefault() {
        ServerSettings defaults = ServerSettings.defaults(Path.of("data"));

        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.timeouts()).isEqualTo(new HttpTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(10)));
        try (ApiServer server = ApiServer.start("sqlite")) {
            assertThat(server.server().boundAddress().getAddress().isLoopbackAddress()).isTrue();
            assertThat(server.server().idleTimeout()).isEqualTo(Duration.ofSeconds(30));
        }
    }

    @Test
    void aClientThatStallsInTheMiddleOfItsBodyIsDisconnectedAfterTheReadTimeout() throws Exception {
        try (ApiServer server = ApiServer.start("sqlite",
                s -> s.withTimeouts(new HttpTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(1))));
             Socket slow = stalledTokenRequest(server.port())) {
            slow.setSoTimeout(60_000); // only so that a broken server fails the test instead of hanging it

            assertThat(readToEnd(slow.getInputStream())).as("the server ends the stalled request and closes the connection")
                    .doesNotContain("accessToken");
        }
    }

    @Test
    void healthAnswersWhileHundredsOfClientsStallInTheMiddleOfTheirBodies() throws Exception {
        // A long read timeout: the slow clients stay for the whole test, so /health must be served beside them.
        try (ApiServer server = ApiServer.start("sqlite",
                s -> s.withTimeouts(new HttpTimeouts(Duration.ofMinutes(5), Duration.ofMinutes(5))))) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < SLOW_CLIENTS; i++) slow.add(stalledTokenRequest(server.port()));
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());

                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"ok\":true");
            } finally {
                for (Socket socket : slow) socket.close();
            }
        }
    }

    /** A connection that has sent the headers of a token request announcing 100 bytes of body, and 10 of them. */
    private static Socket stalledTokenRequest(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /v1/auth/access_token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"clientId").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static String readToEnd(InputStream in) throws IOException {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the stalled connection open", e);
        } catch (java.net.SocketException reset) {
            return ""; // closed by the server with a reset: as good as an end
        }
    }
}
