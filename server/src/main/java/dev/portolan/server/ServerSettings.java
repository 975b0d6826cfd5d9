package dev.portolan.server;

import dev.portolan.server.auth.LoginThrottle;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run a server.
 *
 * @param port              0 picks a free port
 * @param dataDirectory     where the embedded SQLite database lives (when {@code databaseUrl} is null)
 * @param databaseUrl       a JDBC URL ({@code jdbc:postgresql://...}), or null for SQLite in the data directory
 * @param adminClientId     the first admin credential's client id, or null to generate one
 * @param adminClientSecret its secret, or null to generate one (printed once)
 * @param maxBodyBytes      the largest request body accepted (413 above)
 * @param tokenTtl          how long an access token is valid
 * @param loginLimits       failed token requests allowed per client id and per address before 429
 */
public record ServerSettings(int port, Path dataDirectory, String databaseUrl, String adminClientId,
                             String adminClientSecret, long maxBodyBytes, Duration tokenTtl,
                             LoginThrottle.Limits loginLimits) {

    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofHours(1);

    public static ServerSettings defaults(Path dataDirectory) {
        return new ServerSettings(8080, dataDirectory, null, null, null, DEFAULT_MAX_BODY_BYTES, DEFAULT_TOKEN_TTL,
                LoginThrottle.Limits.DEFAULT);
    }

    public ServerSettings withPort(int port) {
        return new ServerSettings(port, dataDirectory, databaseUrl, adminClientId, adminClientSecret, maxBodyBytes, tokenTtl, loginLimits);
    }

    public ServerSettings withDatabaseUrl(String url) {
        return new ServerSettings(port, dataDirectory, url, adminClientId, adminClientSecret, maxBodyBytes, tokenTtl, loginLimits);
    }

    public ServerSettings withAdmin(String clientId, String clientSecret) {
        return new ServerSettings(port, dataDirectory, databaseUrl, clientId, clientSecret, maxBodyBytes, tokenTtl, loginLimits);
    }

    public ServerSettings withMaxBodyBytes(long bytes) {
        return new ServerSettings(port, dataDirectory, databaseUrl, adminClientId, adminClientSecret, bytes, tokenTtl, loginLimits);
    }

    public ServerSettings withTokenTtl(Duration ttl) {
        return new ServerSettings(port, dataDirectory, databaseUrl, adminClientId, adminClientSecret, maxBodyBytes, ttl, loginLimits);
    }

    public ServerSettings withLoginLimits(LoginThrottle.Limits limits) {
        return new ServerSettings(port, dataDirectory, databaseUrl, adminClientId, adminClientSecret, maxBodyBytes, tokenTtl, limits);
    }
}
