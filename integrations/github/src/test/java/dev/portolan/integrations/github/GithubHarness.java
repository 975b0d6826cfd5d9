package dev.portolan.integrations.github;

import dev.portolan.integrations.github.testing.FakeGithub;
import dev.portolan.integrations.github.testing.GithubObjects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.entity.CalculationEvaluator;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.integration.SyncEvent;
import dev.portolan.catalog.json.Json;
import dev.portolan.catalog.search.Query;
import dev.portolan.catalog.search.SearchPage;
import dev.portolan.catalog.search.SearchRequest;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.TestDatabase;
import dev.portolan.store.testing.TestDatabases;
import dev.portolan.sync.client.InProcessCatalogClient;
import dev.portolan.sync.host.IntegrationRegistry;
import dev.portolan.sync.host.LiveEvents;
import dev.portolan.sync.host.ResyncLauncher;
import dev.portolan.sync.jq.PortolanJqEngine;
import dev.portolan.sync.mapping.Mapping;
import dev.portolan.sync.mapping.MappingParser;
import dev.portolan.sync.metrics.SyncMetrics;
import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.resync.ResyncContext;
import dev.portolan.sync.resync.ResyncProgress;
import dev.portolan.sync.resync.ResyncRunner;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.testing.RecordingSyncEvents;
import dev.portolan.sync.testing.TestClock;
import dev.portolan.sync.testing.TestInstallationRepository;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A GitHub installation against the {@link FakeGithub}, resyncing into the real catalog on a real
 * SQLite store: the clock is a {@link TestClock} that the sleeper moves on instead of waiting, so
 * rate-limit waits and backoffs cost no time and are recorded.
 */
final class GithubHarness implements AutoCloseable {

    static final String INSTALLATION = "github-1";
    static final String SECRET = "It's a Secret to Everybody";

    final TestClock clock = new TestClock();
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final FakeGithub github = new FakeGithub(clock);
    final GithubIntegration integration = new GithubIntegration(GithubIntegration.httpClient(),
            new Pacing(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(65), this::sleep, clock));
    final RecordingSyncEvents events = new RecordingSyncEvents();
    /** What fetchers run by {@link #fetchAll} noted. */
    final RecordingReporter reporter = new RecordingReporter();
    final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SyncMetrics metrics = new SyncMetrics(meters);
    private final TestDatabase database = TestDatabases.create("sqlite");
    private final CatalogStore store = database.openStore();
    final CatalogService catalog = new CatalogService(store, clock, CalculationEvaluator.NONE);
    final TestInstallationRepository installations = new TestInstallationRepository(store);
    private final IntegrationRegistry registry = new IntegrationRegistry().register(integration);
    final LiveEvents liveEvents = new LiveEvents(installations, registry, id -> new InProcessCatalogClient(catalog, id),
            PortolanJqEngine.INSTANCE, metrics, clock, new ResyncLauncher.Tuning(100, Duration.ofSeconds(5)));
    private ObjectNode settings = Json.object().put("githubHost", github.url()).put("githubToken", FakeGithub.TOKEN)
            .put("githubOrganization", FakeGithub.ORG).put("webhookSecret", SECRET);

    GithubHarness() {
        new InProcessCatalogClient(catalog, INSTALLATION).createMissingBlueprints(integration.defaults().blueprints());
    }

    private void sleep(Duration duration) {
        sleeps.add(duration);
        clock.advance(duration);
    }

    GithubHarness settings(ObjectNode settings) {
        this.settings = settings;
        return this;
    }

    ObjectNode settingsJson() {
        return settings;
    }

    Settings parsedSettings() {
        return integration.settings().parse(settings);
    }

    Mapping mapping(String yaml) {
        return dev.portolan.sync.host.IntegrationManager.mappingParser(integration, parsedSettings()).parse(MappingParser.readYaml(yaml));
    }

    String defaultMapping() {
        return integration.defaults().mappingYaml();
    }

    /** Runs one resync with this mapping to the end (the clock moves on a second first). */
    SyncReport resync(String mappingYaml) {
        clock.advance(Duration.ofSeconds(1));
        saveInstallation(mappingYaml);
        ResyncContext context = new ResyncContext(INSTALLATION, integration, parsedSettings(), mapping(mappingYaml),
                new InProcessCatalogClient(catalog, INSTALLATION), PortolanJqEngine.INSTANCE, clock, Duration.ofSeconds(5), 100, () -> false);
        SyncReport report = new SyncReport(UUID.randomUUID().toString(), INSTALLATION, "manual", clock.instant());
        new ResyncRunner(context, events, ResyncProgress.NONE).run(report);
        metrics.publish(report); // as the launcher does
        return report;
    }

    /** Every raw object of {@code kind} with this selector (JSON), fetched page by page as a resync would. */
    List<JsonNode> fetchAll(String kind, String selectorJson) {
        ObjectNode selector = (ObjectNode) Json.parse(selectorJson);
        selector.put("query", "true");
        var fetcher = integration.fetcher(kind, new dev.portolan.sync.spi.FetchContext(INSTALLATION, parsedSettings(), selector,
                () -> false, Json.object(), reporter));
        List<JsonNode> objects = new ArrayList<>();
        String cursor = null;
        try {
            do {
                var page = fetcher.fetch(cursor);
                objects.addAll(page.objects());
                cursor = page.nextCursor();
            } while (cursor != null);
        } catch (dev.portolan.sync.spi.FetchException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        return objects;
    }

    /** Saves the installation (for live events) with this mapping. */
    void saveInstallation(String mappingYaml) {
        installations.save(new Installation(INSTALLATION, GithubIntegration.TYPE, INSTALLATION, parsedSettings().toJson(),
                (ObjectNode) MappingParser.readYaml(mappingYaml), 0, false, clock.instant(), clock.instant()));
    }

    /** Delivers a webhook as GitHub would: signed with {@code secret} (null: unsigned). */
    LiveEvents.Result deliver(String event, String delivery, JsonNode payload, String secret) {
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("X-GitHub-Event", event);
        headers.put("X-GitHub-Delivery", delivery);
        headers.put("Content-Type", "application/json");
        if (secret != null) headers.put("X-Hub-Signature-256", WebhookSignature.sign(secret, body));
        return liveEvents.receive(INSTALLATION, headers::get, body);
    }

    List<SyncEvent> liveEventLog() {
        return installations.events(INSTALLATION, "live-events", 1000);
    }

    static KindReport kind(SyncReport report, String kind) {
        return report.kinds().stream().filter(k -> k.kind().equals(kind)).findFirst().orElseThrow();
    }

    Entity entity(String blueprint, String identifier) {
        return catalog.entities().get(blueprint, identifier);
    }

    boolean exists(String blueprint, String identifier) {
        try {
            catalog.entities().get(blueprint, identifier);
            return true;
        } catch (CatalogException e) {
            if (e.problem() == CatalogException.Problem.NOT_FOUND) return false;
            throw e;
        }
    }

    List<String> identifiers(String blueprint) {
        List<String> identifiers = new ArrayList<>();
        String cursor = null;
        do {
            SearchPage page = catalog.entities().search(new SearchRequest(blueprint, Query.matchAll(), SearchRequest.MAX_LIMIT, cursor));
            page.entities().forEach(e -> identifiers.add(e.identifier()));
            cursor = page.next();
        } while (cursor != null);
        identifiers.sort(String::compareTo);
        return identifiers;
    }

    List<FakeGithub.Request> requests(String pathPart) {
        return github.requests().stream().filter(r -> r.pathAndQuery().contains(pathPart)).toList();
    }

    @Override
    public void close() {
        github.close();
        store.close();
        try {
            database.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
