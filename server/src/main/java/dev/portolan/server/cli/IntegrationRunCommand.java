package dev.portolan.server.cli;

import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.server.integrations.Integrations;
import dev.portolan.server.standalone.StandaloneConfig;
import dev.portolan.server.standalone.StandaloneIntegration;
import dev.portolan.sync.client.CatalogApi;
import dev.portolan.sync.client.CatalogApiException;
import dev.portolan.sync.host.IntegrationRegistry;
import dev.portolan.sync.host.ResyncLauncher;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import dev.portolan.sync.spi.Integration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code portolan integration run}: one integration as its own process against a remote Portolan
 * (see {@link StandaloneIntegration}). Exit codes: 0 done (with {@code --once}: the resync
 * completed), 1 the resync did not complete or the server could not be used, 2 the command line or
 * the config file is wrong.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an integration as its own process: it syncs into a remote Portolan over its API, "
                + "reports there, and serves /metrics and /health.")
public final class IntegrationRunCommand implements Callable<Integer> {

    @Option(names = "--type", required = true, description = "The integration type (custom, git, ...).")
    String type;

    @Option(names = "--config", required = true,
            description = "YAML config file: identifier, title, scheduledResyncInterval, settings, mapping (see docs/sync.md).")
    Path config;

    @Option(names = "--catalog-url", defaultValue = "${env:PORTOLAN_CATALOG_URL}",
            description = "The Portolan server, e.g. http://portolan:8080 (env PORTOLAN_CATALOG_URL).")
    String catalogUrl;

    @Option(names = "--client-id", defaultValue = "${env:PORTOLAN_CLIENT_ID}",
            description = "An admin API credential's client id (env PORTOLAN_CLIENT_ID).")
    String clientId;

    @Option(names = "--client-secret", defaultValue = "${env:PORTOLAN_CLIENT_SECRET}",
            description = "Its secret (env PORTOLAN_CLIENT_SECRET).")
    String clientSecret;

    @Option(names = "--identifier", description = "The integration's identifier; overrides the config file's (default: the type).")
    String identifier;

    @Option(names = "--port", defaultValue = "${env:PORTOLAN_INTEGRATION_PORT:-8000}",
            description = "Port of /metrics and /health (env PORTOLAN_INTEGRATION_PORT; 0 picks a free one; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", defaultValue = "${env:PORTOLAN_DATA_DIR:-data}",
            description = "Where the integration keeps its working files, e.g. the git type's mirrors and caches "
                    + "(env PORTOLAN_DATA_DIR; default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--once", description = "Run one resync, then exit: 0 when it completed, 1 otherwise.")
    boolean once;

    @CommandLine.Mixin
    FileFolderOptions fileFolders = new FileFolderOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final IntegrationRegistry givenRegistry;

    /** With the types this server knows; {@code file:} sources only from the folders named (--file-folder). */
    public IntegrationRunCommand() {
        this(null);
    }

    /** With the integration types of {@code registry} (tests, and processes that bring their own types). */
    public IntegrationRunCommand(IntegrationRegistry registry) {
        this.givenRegistry = registry;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String missing = missingConnection();
        if (missing != null) {
            err.println(missing);
            return 2;
        }
        Installation installation;
        Integration integration;
        try {
            IntegrationRegistry registry = givenRegistry != null ? givenRegistry : Integrations.registry(dataDir.toAbsolutePath(), fileFolders.allowed(null));
            integration = registry.get(type);
            installation = StandaloneConfig.read(config).installation(integration, identifier, Clock.systemUTC().instant());
        } catch (CatalogException e) {
            err.println("Cannot run integration '" + type + "' with " + config + ":");
            if (e.violations().isEmpty()) err.println("  " + e.getMessage());
            e.violations().forEach(v -> err.println("  " + v));
            return 2;
        }
        CatalogApi api = new CatalogApi(URI.create(catalogUrl), clientId, clientSecret);
        try (StandaloneIntegration standalone = StandaloneIntegration.start(installation, integration, api, port, Clock.systemUTC())) {
            out.println("Integration '" + installation.identifier() + "' (" + type + ") reports to " + api.baseUrl()
                    + "; /metrics and /health on port " + standalone.port());
            out.flush();
            ResyncLauncher.Started first = standalone.resync("start");
            if (once) return finished(first.done().join(), out);
            standalone.startSchedule();
            awaitShutdown(standalone);
            return 0;
        } catch (CatalogApiException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private String missingConnection() {
        if (blank(catalogUrl)) return "Missing --catalog-url (or env PORTOLAN_CATALOG_URL): the Portolan server to sync into";
        if (blank(clientId) || blank(clientSecret)) {
            return "Missing --client-id and --client-secret (or env PORTOLAN_CLIENT_ID, PORTOLAN_CLIENT_SECRET): an admin API credential";
        }
        return null;
    }

    private static int finished(SyncReport report, PrintWriter out) {
        out.println("Resync " + report.resyncId() + " " + report.state().wire());
        out.flush();
        return report.state() == SyncState.COMPLETED ? 0 : 1;
    }

    private static void awaitShutdown(StandaloneIntegration standalone) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            standalone.close();
            stopped.countDown();
        }, "portolan-integration-shutdown"));
        stopped.await();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
