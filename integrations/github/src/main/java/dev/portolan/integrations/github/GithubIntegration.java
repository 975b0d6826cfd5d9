package dev.portolan.integrations.github;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.portolan.sync.http.HttpClients;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.settings.SettingsDefinition;
import dev.portolan.sync.spi.CheckResult;
import dev.portolan.sync.spi.FetchContext;
import dev.portolan.sync.spi.FetchException;
import dev.portolan.sync.spi.FetchReporter;
import dev.portolan.sync.spi.Fetcher;
import dev.portolan.sync.spi.Integration;
import dev.portolan.sync.spi.IntegrationDefaults;
import dev.portolan.sync.spi.WebhookReceiver;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code github} integration: GitHub's REST API (github.com or GitHub Enterprise Server) with a
 * personal access token or as a GitHub App, Port's setting names, kinds, selectors and enrichments,
 * so that Port's GitHub mappings run unchanged; live events through webhooks. See
 * {@code docs/integrations/github.md}. Thread-safe: one instance serves every installation, each
 * with its own {@link GithubConnection} (credentials, ETag cache, rate-limit state) kept between resyncs.
 */
public final class GithubIntegration implements Integration {

    public static final String TYPE = "github";
    private static final IntegrationDefaults DEFAULTS = IntegrationDefaults.fromResources(GithubIntegration.class, "defaults");
    /** The ETag cache's budget per installation (gzipped answers). */
    static final long CACHE_BUDGET_BYTES = 256L * 1024 * 1024;

    private final HttpClient http;
    private final Pacing pacing;
    private final Map<String, GithubConnection> connections = new ConcurrentHashMap<>();

    /** With its own HTTP client and the standard waits. */
    public GithubIntegration() {
        this(httpClient(), Pacing.standard());
    }

    GithubIntegration(HttpClient http, Pacing pacing) {
        this.http = http;
        this.pacing = pacing;
    }

    /** Without redirects: the Authorization header must never follow one to another host. */
    static HttpClient httpClient() {
        return HttpClients.withoutRedirects();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "GitHub organizations, repositories, pull requests, workflows and more, with webhooks";
    }

    @Override
    public SettingsDefinition settings() {
        return GithubSettings.DEFINITION;
    }

    @Override
    public Set<String> kinds(Settings settings) {
        return GithubKinds.ALL.keySet();
    }

    @Override
    public Set<String> selectorFields(String kind) {
        GithubKinds.Kind known = GithubKinds.ALL.get(kind);
        return known == null ? Set.of() : known.selectorFields();
    }

    @Override
    public Set<String> mappingFields() {
        return Set.of("repositoryType");
    }

    @Override
    public IntegrationDefaults defaults() {
        return DEFAULTS;
    }

    @Override
    public Fetcher fetcher(String kind, FetchContext context) {
        GithubKinds.Kind known = GithubKinds.ALL.get(kind);
        if (known == null) {
            return cursor -> {
                throw new FetchException("unknown kind '" + kind + "'; the GitHub integration knows: " + String.join(", ", GithubKinds.ALL.keySet()), false);
            };
        }
        return new GithubFetcher(kind, known.reader(), scope(context));
    }

    /** What a kind reads with, for one resource of one resync (or one live event). */
    Scope scope(FetchContext context) {
        GithubConnection connection = connection(context.integration(), context.settings());
        return new Scope(connection.client(context.reporter(), context.cancelled()), context.settings().string(GithubSettings.ORGANIZATION),
                context.selector(), context.mappingFields(), context.reporter(), pacing.clock());
    }

    /** The installation's connection, made anew when its settings changed. */
    GithubConnection connection(String installation, Settings settings) {
        String fingerprint = Integer.toHexString(settings.toJson().toString().hashCode());
        return connections.compute(installation, (id, existing) -> existing != null && existing.fingerprint().equals(fingerprint) ? existing
                : new GithubConnection(fingerprint, GithubSettings.host(settings), http, credentials(settings),
                new EtagCache(CACHE_BUDGET_BYTES), pacing, new AtomicReference<>()));
    }

    private Credentials credentials(Settings settings) {
        if (!GithubSettings.usesApp(settings)) return new TokenCredentials(settings.string(GithubSettings.TOKEN));
        return new AppCredentials(settings.string(GithubSettings.APP_ID), settings.string(GithubSettings.APP_PRIVATE_KEY),
                settings.string(GithubSettings.ORGANIZATION), GithubSettings.host(settings), http, pacing.clock());
    }

    /** Reads the authenticated identity and the organization once, without retrying, and says what it found. */
    @Override
    public CheckResult check(Settings settings) {
        FetchContext context = new FetchContext("check", settings, JsonNodeFactory.instance.objectNode(), () -> false);
        try {
            Scope scope = scope(context);
            var organizations = scope.organizations();
            for (String org : organizations) {
                if (scope.client.get("/orgs/" + org) == null) {
                    return CheckResult.failed("organization '" + org + "' was not found or is not visible to the credentials");
                }
            }
            return CheckResult.ok("GitHub answered; organizations in scope: " + (organizations.isEmpty() ? "(none)" : String.join(", ", organizations)));
        } catch (FetchException | RuntimeException e) {
            return CheckResult.failed(e.getMessage());
        }
    }

    @Override
    public String onInstalled(String installation, Settings settings) {
        return new OrganizationWebhook(this).create(installation, settings);
    }

    @Override
    public Optional<WebhookReceiver> webhooks() {
        return Optional.of(new GithubWebhooks(this));
    }

    /** A client for work outside a resync (webhook set-up, live events): notes go nowhere. */
    GithubClient client(String installation, Settings settings) {
        return connection(installation, settings).client(FetchReporter.NONE, () -> false);
    }
}
