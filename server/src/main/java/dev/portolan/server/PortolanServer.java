package dev.portolan.server;

import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.access.AccessService;
import dev.portolan.catalog.access.SecretHasher;
import dev.portolan.catalog.entity.JqCalculations;
import dev.portolan.catalog.json.Json;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.server.api.AccessRoutes;
import dev.portolan.server.api.ApiErrors;
import dev.portolan.server.api.AuditRoutes;
import dev.portolan.server.api.AuthRoutes;
import dev.portolan.server.api.BlueprintMigrations;
import dev.portolan.server.api.OceanOwnedEntities;
import dev.portolan.server.api.OrganizationRoutes;
import dev.portolan.server.api.RemoteIntegrationRoutes;
import dev.portolan.server.api.UnsupportedRoutes;
import dev.portolan.server.api.BlueprintRoutes;
import dev.portolan.server.api.EntityRoutes;
import dev.portolan.server.api.JsonErrorHandler;
import dev.portolan.server.api.Requests;
import dev.portolan.server.api.IntegrationRoutes;
import dev.portolan.server.api.MetricsRoutes;
import dev.portolan.server.api.WebhookRoutes;
import dev.portolan.server.api.SearchRoutes;
import dev.portolan.server.api.SyncHistoryRoutes;
import dev.portolan.server.api.QuickstartRoutes;
import dev.portolan.server.integrations.GitInstallations;
import dev.portolan.server.integrations.GitQuickstart;
import dev.portolan.server.integrations.IntegrationHost;
import dev.portolan.server.integrations.Integrations;
import dev.portolan.sync.host.ResyncLauncher;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dev.portolan.server.auth.AdminBootstrap;
import dev.portolan.server.auth.Authenticator;
import dev.portolan.server.auth.LoginThrottle;
import dev.portolan.server.auth.TokenService;
import dev.portolan.store.Stores;
import dev.portolan.ui.UiServices;
import dev.portolan.ui.WebUi;
import io.javalin.Javalin;
import org.eclipse.jetty.server.AbstractConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * One Portolan process: the store, the catalog and the HTTP API, wired in plain code. Start with
 * {@link #start}, stop with {@link #close}.
 */
public final class PortolanServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PortolanServer.class);
    private static final String SIGNING_KEY = "auth.token-signing-key";
    private static final String ORGANIZATION_ID = "organization.id";

    private final CatalogStore store;
    private final IntegrationHost integrations;
    private final Javalin app;
    private final Optional<AccessService.IssuedCredential> createdAdmin;
    private final String host;

    private PortolanServer(CatalogStore store, IntegrationHost integrations, Javalin app,
                           Optional<AccessService.IssuedCredential> createdAdmin, String host) {
        this.store = store;
        this.integrations = integrations;
        this.app = app;
        this.createdAdmin = createdAdmin;
        this.host = host;
    }

    public static PortolanServer start(ServerSettings settings) {
        CatalogStore store = settings.databaseUrl() != null ? Stores.open(settings.databaseUrl()) : Stores.sqlite(settings.dataDirectory());
        Javalin app = null;
        IntegrationHost integrations = null;
        try {
            Clock clock = Clock.systemUTC();
            CatalogService catalog = new CatalogService(store, clock, new JqCalculations());
            // One key for all replicas: whoever starts first stores it, the others read it.
            String key = store.write(tx -> tx.putSettingIfAbsent(SIGNING_KEY, SecretHasher.newSecret()));
            TokenService tokens = new TokenService(key.getBytes(StandardCharsets.UTF_8), clock, settings.tokenTtl());
            PrometheusMeterRegistry meters = Meters.prometheus();
            integrations = new IntegrationHost(store, catalog, Integrations.registry(settings.dataDirectory(), settings.allowedFileFolders(),
                    settings.allowedRepositoryFolders()), meters, clock, ResyncLauncher.Tuning.DEFAULT);
            GitInstallations git = new GitInstallations(integrations.manager(), integrations.launcher());
            GitQuickstart quickstart = new GitQuickstart(git, settings.workingDirectory());
            // One throttle: failed sign-ins through the UI and the token endpoint count together.
            LoginThrottle throttle = new LoginThrottle(settings.loginLimits(), clock);
            WebUi ui = new WebUi(new UiServices(catalog, integrations.manager(),
                    integrations.repository(), integrations.registry(), integrations.jq(), clock,
                    integrations.feed(), integrations.tester(), integrations.provenance(), quickstart, integrations.manualResync()),
                    ("web-ui-session|" + key).getBytes(StandardCharsets.UTF_8), throttle.forSignIn());
            String organization = store.write(tx -> tx.putSettingIfAbsent(ORGANIZATION_ID, "org_" + SecretHasher.newSecret().substring(0, 16)));
            app = createApp(catalog, tokens, throttle, integrations, quickstart, meters, settings, ui,
                    new OrganizationRoutes(organization, "Portolan"), new BlueprintMigrations(store, clock))
                    .start(settings.host(), settings.port());
            applyIdleTimeout(app, settings.timeouts());
            integrations.start();
            if (!settings.gitRepositories().isEmpty()) git.installOrReuse(settings.gitRepositories());
            // Last, once the server listens and nothing else can fail: a start that fails (the
            // port is taken) must not leave an admin credential stored whose secret was never shown.
            var createdAdmin = AdminBootstrap.ensureAdmin(catalog.access(), settings.adminClientId(), settings.adminClientSecret());
            LOG.info("Portolan is listening on http://{}:{} ({} database)", settings.host(), app.port(), store.dialect());
            return new PortolanServer(store, integrations, app, createdAdmin, settings.host());
        } catch (RuntimeException e) {
            if (app != null) app.stop();
            if (integrations != null) integrations.close();
            store.close();
            throw e;
        }
    }

    /** Jetty's connector exists once started; new connections take its idle timeout from then on. */
    private static void applyIdleTimeout(Javalin app, HttpTimeouts timeouts) {
        for (var connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof AbstractConnector c) c.setIdleTimeout(timeouts.idle().toMillis());
        }
    }

    private static Javalin createApp(CatalogService catalog, TokenService tokens, LoginThrottle throttle, IntegrationHost integrations,
                                     GitQuickstart quickstart, PrometheusMeterRegistry meters, ServerSettings settings, WebUi ui,
                                     OrganizationRoutes organization, BlueprintMigrations migrations) {
        Requests requests = new Requests(settings.maxBodyBytes());
        Authenticator authenticator = new Authenticator(tokens, catalog.access());
        return Javalin.create(cfg -> {
            cfg.http.maxRequestSize = settings.maxBodyBytes() + 1;
            cfg.startup.showJavalinBanner = false;
            // A client that stalls in the middle of a request holds a virtual thread, not one of a
            // bounded pool, so slow clients cannot starve the others (or /health) of threads.
            cfg.concurrency.useVirtualThreads = true;
            cfg.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(settings.timeouts().read().toMillis()));
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            cfg.routes.before("/v1/*", authenticator::authenticate);
            cfg.routes.before("/v1/*", Requests::refuseNulInQuery);
            cfg.routes.get("/health", ctx -> ctx.contentType("application/json").result(
                    Json.write(Json.object().put("ok", true).put("status", "ready"))));
            new AuthRoutes(catalog.access(), tokens, requests, throttle).register(cfg.routes);
            new BlueprintRoutes(catalog, requests).register(cfg.routes);
            new EntityRoutes(catalog, requests, integrations.remotes(), migrations).register(cfg.routes);
            new SearchRoutes(catalog, requests).register(cfg.routes);
            new AuditRoutes(catalog).register(cfg.routes);
            new AccessRoutes(catalog.access(), requests).register(cfg.routes);
            new RemoteIntegrationRoutes(integrations.manager(), integrations.remotes(), integrations.examples(), requests).register(cfg.routes);
            new IntegrationRoutes(integrations, new OceanOwnedEntities(catalog), requests).register(cfg.routes);
            new SyncHistoryRoutes(catalog, integrations, requests).register(cfg.routes);
            new WebhookRoutes(integrations.liveEvents()).register(cfg.routes);
            new QuickstartRoutes(quickstart).register(cfg.routes);
            organization.register(cfg.routes);
            migrations.register(cfg.routes);
            new UnsupportedRoutes().register(cfg.routes);
            new MetricsRoutes(meters).register(cfg.routes);
            ui.configure(cfg);
            ApiErrors.register(cfg.routes);
        });
    }

    public int port() {
        return app.port();
    }

    /** The address the server listens on, as configured. */
    public String host() {
        return host;
    }

    /** The address and port the server's connector is bound to. */
    public java.net.InetSocketAddress boundAddress() {
        var connector = (org.eclipse.jetty.server.ServerConnector) app.jettyServer().server().getConnectors()[0];
        try {
            return (java.net.InetSocketAddress) ((java.nio.channels.ServerSocketChannel) connector.getTransport()).getLocalAddress();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The idle timeout of the server's connector. */
    public java.time.Duration idleTimeout() {
        return java.time.Duration.ofMillis(((AbstractConnector) app.jettyServer().server().getConnectors()[0]).getIdleTimeout());
    }

    /** The admin credential created by this start, with its secret (shown once), if any. */
    public Optional<AccessService.IssuedCredential> createdAdmin() {
        return createdAdmin;
    }

    /** The integrations hosted here (for the command line and tests). */
    public IntegrationHost integrations() {
        return integrations;
    }

    @Override
    public void close() {
        app.stop();
        integrations.close();
        store.close();
    }
}
