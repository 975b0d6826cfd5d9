package dev.portolan.ui;

import dev.portolan.ui.audit.AuditPage;
import dev.portolan.ui.builder.BuilderPage;
import dev.portolan.ui.catalog.CatalogPage;
import dev.portolan.ui.entity.EntityEditPage;
import dev.portolan.ui.entity.EntityPage;
import dev.portolan.ui.datasources.DataSourcesPage;
import dev.portolan.ui.datasources.HistoryTab;
import dev.portolan.ui.datasources.LogTabs;
import dev.portolan.ui.datasources.MappingTab;
import dev.portolan.ui.datasources.SettingsTab;
import dev.portolan.ui.datasources.SyncStatusTab;
import dev.portolan.ui.home.HomePage;
import dev.portolan.ui.signin.SignInPage;
import dev.portolan.ui.signin.SignInThrottle;
import dev.portolan.ui.web.SessionCookie;
import dev.portolan.ui.web.Templates;
import dev.portolan.ui.web.UiRoutes;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

import java.time.Duration;
import java.util.Map;

/**
 * The web UI, wired in plain code: the server calls {@link #configure} inside
 * {@code Javalin.create}. Every page is listed in {@link #registerPages}; each page class
 * registers its own routes through {@link UiRoutes}, which guards them (session, CSRF, errors).
 *
 * <p>Static files: our CSS and scripts from {@code /static/} and htmx from its WebJar at
 * {@code /webjars/htmx.org/<version>/dist/htmx.min.js}; nothing is fetched from the internet.
 */
public final class WebUi {

    /** How long a browser session lasts before the user signs in again. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);

    private final UiServices services;
    private final SessionCookie sessions;
    private final SignInThrottle throttle;
    private final Templates templates = new Templates();

    /**
     * @param sessionKey secret bytes for signing session cookies, the same on every replica
     * @param throttle   the limit on failed sign-ins, shared with the API's token endpoint
     */
    public WebUi(UiServices services, byte[] sessionKey, SignInThrottle throttle) {
        this.services = services;
        this.throttle = throttle;
        this.sessions = new SessionCookie(sessionKey, services.clock(), SESSION_LIFETIME);
    }

    public void configure(JavalinConfig cfg) {
        cfg.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/portolan-ui/static";
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Cache-Control", "max-age=300", "X-Content-Type-Options", "nosniff");
        });
        cfg.staticFiles.enableWebjars();
        UiRoutes routes = new UiRoutes(cfg.routes, sessions, services.catalog().access(), templates);
        registerPages(routes);
        routes.notFoundPage();
    }

    private void registerPages(UiRoutes routes) {
        new SignInPage(services.catalog().access(), sessions, templates, routes, throttle).register();
        new HomePage(services, templates).register(routes);
        new CatalogPage(services, templates).register(routes);
        new EntityPage(services, templates).register(routes);
        new EntityEditPage(services, templates).register(routes);
        new BuilderPage(services, templates).register(routes);
        new AuditPage(services, templates).register(routes);
        new DataSourcesPage(services, templates).register(routes);
        new SyncStatusTab(services, templates).register(routes);
        new HistoryTab(services, templates).register(routes);
        new MappingTab(services, templates).register(routes);
        new LogTabs(services, templates).register(routes);
        new SettingsTab(services, templates).register(routes);
    }
}
