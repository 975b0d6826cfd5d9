package dev.portolan.server.cli;

import dev.portolan.server.PortolanServer;
import dev.portolan.server.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code portolan serve}: runs the catalog until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the Portolan server (SQLite in the data directory unless --db is given).")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "${env:PORTOLAN_HOST:-127.0.0.1}",
            description = "Address to listen on (env PORTOLAN_HOST; default ${DEFAULT-VALUE}: this machine only). "
                    + "0.0.0.0 listens on every interface: see docs/operations.md before exposing Portolan.")
    String host;

    @Option(names = "--port", defaultValue = "${env:PORTOLAN_PORT:-8080}",
            description = "HTTP port (env PORTOLAN_PORT; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", defaultValue = "${env:PORTOLAN_DATA_DIR:-data}",
            description = "Directory of the embedded SQLite database (env PORTOLAN_DATA_DIR; default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db", defaultValue = "${env:PORTOLAN_DB_URL}",
            description = "JDBC URL of a PostgreSQL database, e.g. jdbc:postgresql://localhost:5432/portolan?user=portolan "
                    + "(env PORTOLAN_DB_URL). Without it, SQLite in the data directory.")
    String databaseUrl;

    @Option(names = "--max-body-bytes", defaultValue = "${env:PORTOLAN_MAX_BODY_BYTES:-10485760}",
            description = "Largest request body accepted; larger ones get 413 (default ${DEFAULT-VALUE}).")
    long maxBodyBytes;

    @picocli.CommandLine.Mixin
    FileFolderOptions fileFolders = new FileFolderOptions();

    @Option(names = "--git", paramLabel = "PATH|URL",
            description = "Install the Git integration (as 'git') on this repository at start and resync it: a local path "
                    + "(allowed to be read without --file-folder) or a file://, http(s):// or ssh:// URL (repeatable). "
                    + "A later start reuses the installation, with its repositories replaced by the ones given then.")
    List<String> git = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = settings();
        PortolanServer server;
        try {
            server = PortolanServer.start(settings);
        } catch (RuntimeException e) {
            System.err.println("portolan: the server could not start: " + rootMessage(e));
            return 1;
        }
        String base = "http://" + (host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host) + ":" + server.port();
        server.createdAdmin().ifPresent(admin -> {
            System.out.println();
            System.out.println("  An admin API credential was created. The secret is shown only now; keep it:");
            System.out.println("    client id:     " + admin.credential().clientId());
            boolean generated = System.getenv("PORTOLAN_ADMIN_CLIENT_SECRET") == null;
            System.out.println("    client secret: " + (generated ? admin.clientSecret() : "(as given in PORTOLAN_ADMIN_CLIENT_SECRET)"));
            System.out.println("  Get a token:  curl -s -X POST " + base
                    + "/v1/auth/access_token -H 'Content-Type: application/json' \\");
            System.out.println("                  -d '{\"clientId\":\"" + admin.credential().clientId() + "\",\"clientSecret\":\"<secret>\"}'");
            System.out.println();
        });
        if (!git.isEmpty()) {
            System.out.println("The Git integration 'git' reads " + String.join(", ", settings.gitRepositories())
                    + "; its services appear on " + base + "/catalog/service as the resync goes");
        }
        System.out.println("Portolan is ready on " + base + (host.equals(ServerSettings.DEFAULT_HOST) ? " (this machine only; --host to expose it)" : ""));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "portolan-shutdown"));
        stopped.await();
        return 0;
    }

    /** The settings the options give. */
    ServerSettings settings() {
        return ServerSettings.defaults(dataDir.toAbsolutePath())
                .withHost(host)
                .withPort(port)
                .withDatabaseUrl(databaseUrl == null || databaseUrl.isBlank() ? null : databaseUrl)
                .withAdmin(System.getenv("PORTOLAN_ADMIN_CLIENT_ID"), System.getenv("PORTOLAN_ADMIN_CLIENT_SECRET"))
                .withMaxBodyBytes(maxBodyBytes)
                .withFileFolders(fileFolders.folders())
                .withGitRepositories(git.stream().map(ServeCommand::absolute).toList());
    }

    /** A local path made absolute (so the installation names the same folder whatever the next start's directory); a URL as given. */
    private static String absolute(String repository) {
        return repository.contains("://") ? repository : Path.of(repository).toAbsolutePath().normalize().toString();
    }

    /** What went wrong, in one line: the innermost cause says it best (e.g. "Address already in use"). */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : e.getMessage() + " (" + message + ")";
    }
}
