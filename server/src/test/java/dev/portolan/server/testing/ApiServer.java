package dev.portolan.server.testing;

import dev.portolan.catalog.json.Json;
import dev.portolan.server.PortolanServer;
import dev.portolan.server.ServerSettings;
import dev.portolan.store.testing.SqliteTestDatabase;
import dev.portolan.store.testing.TestDatabase;
import dev.portolan.store.testing.TestDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A Portolan server started for tests on a fresh database of one dialect, on a free port, with a
 * known admin credential ({@link #ADMIN_CLIENT_ID}). {@link #close()} stops it and deletes the
 * database.
 *
 * <pre>{@code
 * try (ApiServer server = ApiServer.start("postgresql")) {
 *     server.admin().post("/v1/blueprints", "{identifier: 'service'}").expect(201);
 * }
 * }</pre>
 *
 * Test classes usually get one shared server per dialect through {@link ApiTest}.
 */
public final class ApiServer implements AutoCloseable {

    public static final String ADMIN_CLIENT_ID = "test-admin";
    public static final String ADMIN_CLIENT_SECRET = "test-admin-secret-0123456789";

    private static final AtomicInteger CREDENTIALS = new AtomicInteger();

    private final TestDatabase database;
    private final boolean ownsDatabase;
    private final Path scratchDir;
    private final PortolanServer server;
    private final HttpClient http;
    private final URI base;
    private volatile ApiClient admin;

    private final Path dataDirectory;

    private ApiServer(TestDatabase database, boolean ownsDatabase, Path scratchDir, Path dataDirectory, PortolanServer server) {
        this.dataDirectory = dataDirectory;
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        this.scratchDir = scratchDir;
        this.server = server;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        this.base = URI.create("http://127.0.0.1:" + server.port());
    }

    public static ApiServer start(String dialect) {
        return start(dialect, UnaryOperator.identity());
    }

    /** Starts a server whose settings {@code customize} adjusts (a small body limit, a short token life, ...). */
    public static ApiServer start(String dialect, UnaryOperator<ServerSettings> customize) {
        TestDatabase database = TestDatabases.create(dialect);
        Path scratch = null;
        try {
            Path dataDir;
            if (database instanceof SqliteTestDatabase sqlite) {
                dataDir = sqlite.dataDir();
            } else {
                scratch = Files.createTempDirectory("portolan-server-test-");
                dataDir = scratch;
            }
            // Started in its data directory, not in the checkout the tests run from: no quickstart offered unless a test asks.
            ServerSettings settings = ServerSettings.defaults(dataDir).withPort(0).withDatabaseUrl(database.jdbcUrl())
                    .withAdmin(ADMIN_CLIENT_ID, ADMIN_CLIENT_SECRET).withWorkingDirectory(dataDir);
            return new ApiServer(database, true, scratch, dataDir, PortolanServer.start(customize.apply(settings)));
        } catch (IOException e) {
            database.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            database.close();
            deleteTree(scratch);
            throw e;
        }
    }

    /**
     * A second server process on this server's database, as replicas behind a load balancer run:
     * same catalog, same token signing key. Closing it leaves the database to this server.
     */
    public ApiServer startReplica() {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("portolan-replica-test-");
            ServerSettings settings = ServerSettings.defaults(scratch).withPort(0).withDatabaseUrl(database.jdbcUrl())
                    .withAdmin(ADMIN_CLIENT_ID, ADMIN_CLIENT_SECRET).withWorkingDirectory(scratch);
            return new ApiServer(database, false, scratch, scratch, PortolanServer.start(settings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            deleteTree(scratch);
            throw e;
        }
    }

    /** The server's data directory: {@code file:} sources inside it may be read by the custom integration. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** {@code sqlite} or {@code postgresql}. */
    public String dialect() {
        return database.dialect();
    }

    public int port() {
        return server.port();
    }

    /** The server process itself (its bound address, timeouts, ...). */
    public PortolanServer server() {
        return server;
    }

    /** A client with the admin credential's token. */
    public ApiClient admin() {
        if (admin == null) {
            admin = login(ADMIN_CLIENT_ID, ADMIN_CLIENT_SECRET);
        }
        return admin;
    }

    /** A client that sends no token. */
    public ApiClient anonymous() {
        return new ApiClient(http, base, null);
    }

    /** Gets a token for the credential (which must be valid) and returns a client using it. */
    public ApiClient login(String clientId, String clientSecret) {
        String token = anonymous().post("/v1/auth/access_token",
                        Json.object().put("clientId", clientId).put("clientSecret", clientSecret))
                .expect(200).get("accessToken").asText();
        return anonymous().withToken(token);
    }

    /** Creates a new credential of {@code role} (admin or member) through the API and logs in with it. */
    public Caller newCaller(String role) {
        String clientId = role + "-" + CREDENTIALS.incrementAndGet();
        String secret = admin().post("/v1/credentials", Json.object()
                        .put("clientId", clientId).put("role", role))
                .expect(201).get("credential").path("clientSecret").asText();
        return new Caller(clientId, secret, login(clientId, secret));
    }

    /** A credential and a logged-in client for it. */
    public record Caller(String clientId, String clientSecret, ApiClient client) {}

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            try {
                if (ownsDatabase) database.close();
            } finally {
                deleteTree(scratchDir);
            }
        }
    }

    @Override
    public String toString() {
        return "Portolan on " + base + " (" + database + ")";
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
