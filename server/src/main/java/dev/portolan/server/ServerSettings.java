package dev.portolan.server;

import dev.portolan.server.auth.LoginThrottle;

import dev.portolan.integrations.git.GitIntegration;
import dev.portolan.sync.files.FileFolders;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;

/**
 * How to run a server.
 *
 * @param host              the address to listen on: 127.0.0.1 (this machine only) unless exposed on purpose
 * @param port              0 picks a free port
 * @param dataDirectory     where the embedded SQLite database lives (when {@code databaseUrl} is null)
 * @param databaseUrl       a JDBC URL ({@code jdbc:postgresql://...}), or null for SQLite in the data directory
 * @param adminClientId     the first admin credential's client id, or null to generate one
 * @param adminClientSecret its secret, or null to generate one (printed once)
 * @param maxBodyBytes      the largest request body accepted (413 above)
 * @param tokenTtl          how long an access token is valid
 * @param loginLimits       failed token requests allowed per client id and per address before 429
 * @param fileFolders       the folders {@code file:} sources may be read from, beyond the data directory
 * @param timeouts          how long idle connections and stalled requests are kept
 * @param gitRepositories   repositories (paths or URLs) the Git integration is installed on at start ({@code serve --git})
 * @param workingDirectory  where the server was started: the quickstart offers the Git repository holding it
 */
public record ServerSettings(String host, int port, Path dataDirectory, String databaseUrl, String adminClientId,
                             String adminClientSecret, long maxBodyBytes, Duration tokenTtl,
                             LoginThrottle.Limits loginLimits, List<Path> fileFolders,
                             HttpTimeouts timeouts, List<String> gitRepositories, Path workingDirectory) {

    public ServerSettings {
        fileFolders = List.copyOf(fileFolders);
        gitRepositories = List.copyOf(gitRepositories);
    }

    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofHours(1);
    public static final String DEFAULT_HOST = "127.0.0.1";

    public static ServerSettings defaults(Path dataDirectory) {
        return new ServerSettings(DEFAULT_HOST, 8080, dataDirectory, null, null, null, DEFAULT_MAX_BODY_BYTES, DEFAULT_TOKEN_TTL,
                LoginThrottle.Limits.DEFAULT, List.of(), HttpTimeouts.DEFAULT, List.of(), Path.of("").toAbsolutePath());
    }

    public ServerSettings withPort(int port) {
        return new ServerSettings(host, port, dataDirectory, databaseUrl, adminClientId, adminClientSecret, maxBodyBytes, tokenTtl, loginLimits, fileFolders, timeouts, gitRepositories, workingDirectory);
    }

    public ServerSettings withDatabaseUrl(String url) {
        return new ServerSettings(host, port, dataDirectory, url, adminClientId, adminClientSecret, maxBodyBytes, tokenTtl, loginLimits, fileFolders, timeouts, gitRepositories, workingDirectory);
    }

    public ServerSettings withAdmin(String clientId, String clientSecret) {
        return new ServerSettings(host, port, dataDirectory, databaseUrl, clientId, clientSecret, maxBodyBytes, tokenTtl, loginLimits, fileFolders, timeouts, gitRepositories, workingDirectory);
    }

    public ServerSettings withMaxBodyBytes(long bytes) {
        return new ServerSettings(host, port, dataDirectory, databaseUrl, adminClientId, adminClientSecret, bytes, tokenTtl, loginLimits, fileFolders, timeouts, gitRepositories, workingDirectory);
    }

    public ServerSettings withTokenTtl(Duration ttl) {
        return new ServerSettings(host, port, dataDirectory, databaseUrl, adminClientId, adminClientSecret, maxBodyBytes, ttl, loginLimits, fileFolders, timeouts, gitRepositories, workingDirectory);
    }

    public ServerSettings withLoginLimits(LoginThrottle.Limits limits) {
        return new ServerSettings(host, port, dataDirectory, databaseUrl, adminClientId, adminClientSecret, maxBodyBytes, tokenTtl, limits, fileFolders, timeouts, gitRepositories, workingDirectory);
    }

    public ServerSettings withHost(String newHost) {
        return new ServerSettings(newHost, port, dataDirectory, databaseUrl, adminClientId, adminClientSecret, maxBodyBytes, tokenTtl,
                loginLimits, fileFolders, timeouts, gitRepositories, workingDirectory);
    }

    public ServerSettings withTimeouts(HttpTimeouts newTimeouts) {
        return new ServerSettings(host, port, dataDirectory, databaseUrl, adminClientId, adminClientSecret, maxBodyBytes, tokenTtl,
                loginLimits, fileFolders, newTimeouts, gitRepositories, workingDirectory);
    }

    public ServerSettings withFileFolders(List<Path> folders) {
        return new ServerSettings(host, port, dataDirectory, databaseUrl, adminClientId, adminClientSecret, maxBodyBytes, tokenTtl, loginLimits, folders, timeouts, gitRepositories, workingDirectory);
    }

    /** Installs the Git integration on {@code repositories} at start (paths made absolute, URLs as given). */
    public ServerSettings withGitRepositories(List<String> repositories) {
        return new ServerSettings(host, port, dataDirectory, databaseUrl, adminClientId, adminClientSecret, maxBodyBytes, tokenTtl,
                loginLimits, fileFolders, timeouts, repositories, workingDirectory);
    }

    public ServerSettings withWorkingDirectory(Path directory) {
        return new ServerSettings(host, port, dataDirectory, databaseUrl, adminClientId, adminClientSecret, maxBodyBytes, tokenTtl,
                loginLimits, fileFolders, timeouts, gitRepositories, directory.toAbsolutePath().normalize());
    }

    /** Where {@code file:} sources may be read from: the data directory and {@link #fileFolders()}. */
    public FileFolders allowedFileFolders() {
        List<Path> all = new ArrayList<>();
        all.add(dataDirectory);
        all.addAll(fileFolders);
        return FileFolders.of(all);
    }

    /**
     * Where local Git repositories may be read from: where {@code file:} sources may, plus the
     * repositories the server was told to read by whoever started it — {@link #gitRepositories()} and
     * the repository holding the working directory (the quickstart's).
     */
    public FileFolders allowedRepositoryFolders() {
        List<Path> implicit = new ArrayList<>();
        gitRepositories.forEach(repository -> GitIntegration.localFolder(repository).ifPresent(implicit::add));
        GitIntegration.enclosingRepository(workingDirectory).ifPresent(implicit::add);
        return allowedFileFolders().with(implicit);
    }
}
