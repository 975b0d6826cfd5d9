package dev.portolan.server.standalone;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.json.Json;
import dev.portolan.server.Meters;
import dev.portolan.server.api.MetricsRoutes;
import dev.portolan.sync.client.CatalogApi;
import dev.portolan.sync.client.CatalogApiException;
import dev.portolan.sync.client.HttpCatalogClient;
import dev.portolan.sync.host.HttpInstallationRepository;
import dev.portolan.sync.host.IntegrationRegistry;
import dev.portolan.sync.host.ResyncLauncher;
import dev.portolan.sync.host.ResyncLeases;
import dev.portolan.sync.host.ResyncScheduler;
import dev.portolan.sync.jq.PortolanJqEngine;
import dev.portolan.sync.metrics.SyncMetrics;
import dev.portolan.sync.spi.Integration;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Clock;

/**
 * One integration run as its own process next to a remote Portolan, like a self-hosted Ocean
 * integration: it registers with the server as a remote integration, creates its missing default
 * blueprints through the API, resyncs over HTTP ({@link HttpCatalogClient}) and reports each
 * resync and its event log to the server ({@link HttpInstallationRepository}), where the Sync
 * Status shows them. It serves its own {@code GET /metrics} (Prometheus: sync, JVM and HTTP
 * metrics) and {@code GET /health}. The wiring of that process, in plain code. Thread-safe.
 */
public final class StandaloneIntegration implements AutoCloseable {

    private final Installation installation;
    private final HttpInstallationRepository repository;
    private final ResyncLauncher launcher;
    private final ResyncScheduler scheduler;
    private final Javalin app;

    private StandaloneIntegration(Installation installation, HttpInstallationRepository repository, ResyncLauncher launcher,
                                  ResyncScheduler scheduler, PrometheusMeterRegistry meters) {
        this.installation = installation;
        this.repository = repository;
        this.launcher = launcher;
        this.scheduler = scheduler;
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/health", this::health);
            new MetricsRoutes(meters).register(cfg.routes);
        });
    }

    /**
     * Registers with the server, creates the missing default blueprints and starts serving
     * {@code /metrics} and {@code /health}; no resync runs yet ({@link #resync}, {@link #startSchedule}).
     *
     * @param installation validated already ({@link StandaloneConfig#installation})
     * @param port         of {@code /metrics} and {@code /health}; 0 picks a free one
     * @throws CatalogApiException when the server is unreachable or refuses the credential or the registration
     */
    public static StandaloneIntegration start(Installation installation, Integration integration, CatalogApi api, int port, Clock clock) {
        HttpInstallationRepository repository = new HttpInstallationRepository(api, installation);
        repository.register();
        HttpCatalogClient client = new HttpCatalogClient(api, installation.identifier());
        client.createMissingBlueprints(integration.defaults().blueprints());
        PrometheusMeterRegistry meters = Meters.prometheus();
        ResyncLauncher launcher = new ResyncLauncher(repository, new IntegrationRegistry().register(integration), id -> client,
                PortolanJqEngine.INSTANCE, new SyncMetrics(meters), clock, ResyncLauncher.Tuning.DEFAULT, ResyncLeases.inMemory());
        ResyncScheduler scheduler = new ResyncScheduler(repository, launcher, clock);
        try {
            StandaloneIntegration standalone = new StandaloneIntegration(installation, repository, launcher, scheduler, meters);
            standalone.app.start(port);
            return standalone;
        } catch (RuntimeException e) {
            launcher.close();
            throw e;
        }
    }

    /** Starts a resync now (aborting a running one); its report goes to the server. */
    public ResyncLauncher.Started resync(String trigger) {
        return launcher.start(installation.identifier(), trigger);
    }

    /** Resyncs every {@code scheduledResyncInterval} minutes from now on (nothing when it is 0). */
    public void startSchedule() {
        scheduler.start();
    }

    public Installation installation() {
        return installation;
    }

    /** The port of {@code /metrics} and {@code /health}. */
    public int port() {
        return app.port();
    }

    private void health(Context ctx) {
        ObjectNode body = Json.object().put("ok", true).put("status", "ready").put("integration", installation.identifier());
        repository.lastSaved().ifPresent(r -> body.putObject("resync").put("resyncId", r.resyncId()).put("state", r.state()));
        ctx.contentType("application/json").result(Json.write(body));
    }



    /** Stops the schedule, aborts a running resync (its report says so) and stops serving. */
    @Override
    public void close() {
        scheduler.close();
        launcher.close();
        app.stop();
    }
}
