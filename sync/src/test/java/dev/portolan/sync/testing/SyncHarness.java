package dev.portolan.sync.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.Actor;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.audit.AuditQuery;
import dev.portolan.catalog.audit.AuditRecord;
import dev.portolan.catalog.entity.CalculationEvaluator;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.entity.WriteOptions;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.json.Json;
import dev.portolan.catalog.search.Query;
import dev.portolan.catalog.search.SearchPage;
import dev.portolan.catalog.search.SearchRequest;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.TestDatabase;
import dev.portolan.store.testing.TestDatabases;
import dev.portolan.sync.client.InProcessCatalogClient;
import dev.portolan.sync.host.IntegrationManager;
import dev.portolan.sync.host.IntegrationRegistry;
import dev.portolan.sync.host.ResyncLauncher;
import dev.portolan.sync.host.StoreResyncLeases;
import dev.portolan.sync.jq.PortolanJqEngine;
import dev.portolan.sync.mapping.Mapping;
import dev.portolan.sync.mapping.MappingParser;
import dev.portolan.sync.metrics.SyncMetrics;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.resync.ResyncContext;
import dev.portolan.sync.resync.ResyncProgress;
import dev.portolan.sync.resync.ResyncRunner;
import dev.portolan.sync.settings.Settings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything a sync test needs on one dialect: a fresh database and store, the real
 * {@link CatalogService} on a {@link TestClock}, the {@link ScriptedIntegration}, and ways to
 * create blueprints, run resyncs ({@link ResyncRunner} over an {@link InProcessCatalogClient}, the
 * way the server runs them) and read the catalog back. With {@link SyncTest} a test method gets one
 * per dialect; {@link #open} makes one by hand. Not thread-safe, except what resyncs use.
 *
 * <pre>{@code
 * @SyncTest
 * void deletesNothingWhenAFetchFailed(SyncHarness sync) {
 *     sync.blueprint(SERVICE).script("repository", KindScript.objects("{\"name\":\"a\"}"));
 *     SyncReport report = sync.resync(MAPPING);
 * }
 * }</pre>
 */
public final class SyncHarness implements AutoCloseable {

    /** The installation the resyncs run as (the datasource of what they write). */
    public static final String INTEGRATION = "scripted-1";
    /** The kinds the scripted integration knows. */
    public static final String[] KINDS = {"repository", "pull-request", "team", "issue"};
    /** The credential API writes are made with. */
    public static final Actor API = Actor.credential("api-user");

    private final TestDatabase database;
    private final boolean ownsDatabase;
    private final CatalogStore store;
    private final TestClock clock;
    private final CatalogService catalog;
    private final ScriptedIntegration integration = new ScriptedIntegration(KINDS);
    private final RecordingSyncEvents events = new RecordingSyncEvents();
    private int batchSize = 100;
    private Duration jqTimeout = Duration.ofSeconds(5);
    private Duration leaseTtl = ResyncLauncher.Tuning.DEFAULT_LEASE_TTL;
    private TestInstallationRepository installations;
    private PrometheusMeterRegistry meters;
    private ResyncLauncher launcher;
    private IntegrationManager manager;
    private IntegrationRegistry registry;

    private SyncHarness(TestDatabase database, boolean ownsDatabase) {
        this(database, ownsDatabase, new TestClock());
    }

    private SyncHarness(TestDatabase database, boolean ownsDatabase, TestClock clock) {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        this.clock = clock;
        this.store = database.openStore();
        this.catalog = new CatalogService(store, clock, CalculationEvaluator.NONE);
    }

    /** A harness on a new database of {@code dialect} ({@code sqlite} or {@code postgresql}), deleted on close. */
    public static SyncHarness open(String dialect) {
        TestDatabase database = dialect.equals("postgresql") ? new PostgresCopyDatabase() : TestDatabases.create(dialect);
        return new SyncHarness(database, true);
    }

    /**
     * Another server process (a replica) on this harness's database: its own store, catalog,
     * launcher and scripted integration, on the same clock. The caller closes it (before this one).
     */
    public SyncHarness replica() {
        return new SyncHarness(database, false, clock);
    }

    /** A harness on a database the caller owns (and closes). */
    public static SyncHarness on(TestDatabase database) {
        return new SyncHarness(database, false);
    }

    public String dialect() {
        return database.dialect();
    }

    public TestClock clock() {
        return clock;
    }

    public CatalogService catalog() {
        return catalog;
    }

    public CatalogStore store() {
        return store;
    }

    public ScriptedIntegration integration() {
        return integration;
    }

    public RecordingSyncEvents events() {
        return events;
    }

    /** Entities per upsert in the coming resyncs (100 unless changed). */
    public SyncHarness batchSize(int size) {
        this.batchSize = size;
        return this;
    }

    /** How long a resync lease lasts unless renewed (on the harness clock), for the launcher made after this. */
    public SyncHarness leaseTtl(Duration ttl) {
        this.leaseTtl = ttl;
        return this;
    }

    /** The limit of one jq evaluation in the coming resyncs (5 seconds unless changed). */
    public SyncHarness jqTimeout(Duration timeout) {
        this.jqTimeout = timeout;
        return this;
    }

    /** Sets what {@code kind} serves from the next resync on. */
    public SyncHarness script(String kind, KindScript script) {
        integration.script(kind, script);
        return this;
    }

    /** Creates a blueprint (Port's JSON) as the API would. */
    public SyncHarness blueprint(String json) {
        catalog.blueprints().create(Json.parse(json), API);
        return this;
    }

    /** Parses a mapping (YAML or JSON) the way saving it would. */
    public Mapping mapping(String yaml) {
        return parser().parse(MappingParser.readYaml(yaml));
    }

    public MappingParser parser() {
        return IntegrationManager.mappingParser(integration, settings());
    }

    /** Runs one resync of {@link #INTEGRATION} with this mapping, to the end, and returns its report. */
    public SyncReport resync(String mappingYaml) {
        return resync(INTEGRATION, mappingYaml);
    }

    /**
     * Runs one resync as {@code installation}. The clock moves on by a second first, so that
     * everything written before is "before this resync started".
     */
    public SyncReport resync(String installation, String mappingYaml) {
        return resync(installation, mapping(mappingYaml));
    }

    /** Runs one resync with a mapping built by hand (e.g. one the parser would refuse). */
    public SyncReport resync(String installation, Mapping mapping) {
        clock.advance(Duration.ofSeconds(1));
        ResyncContext context = context(installation, mapping);
        SyncReport report = new SyncReport(UUID.randomUUID().toString(), installation, "manual", clock.instant());
        return new ResyncRunner(context, events, ResyncProgress.NONE).run(report);
    }

    /** The context the resyncs of {@code installation} run with (in-process client, our jq, this clock). */
    public ResyncContext context(String installation, Mapping mapping) {
        return new ResyncContext(installation, integration, settings(), mapping, new InProcessCatalogClient(catalog, installation),
                PortolanJqEngine.INSTANCE, clock, jqTimeout, batchSize, () -> false);
    }

    private Settings settings() {
        return integration.settings().parse(Json.object());
    }

    // ---- reading the catalog back --------------------------------------------------------

    public Optional<Entity> entity(String blueprint, String identifier) {
        try {
            return Optional.of(catalog.entities().get(blueprint, identifier));
        } catch (CatalogException e) {
            if (e.problem() == CatalogException.Problem.NOT_FOUND) return Optional.empty();
            throw e;
        }
    }

    public Entity get(String blueprint, String identifier) {
        return catalog.entities().get(blueprint, identifier);
    }

    /** Every identifier of a blueprint, in order. */
    public List<String> identifiers(String blueprint) {
        List<String> identifiers = new ArrayList<>();
        String cursor = null;
        do {
            SearchPage page = catalog.entities().search(new SearchRequest(blueprint, Query.matchAll(), SearchRequest.MAX_LIMIT, cursor));
            page.entities().forEach(e -> identifiers.add(e.identifier()));
            cursor = page.next();
        } while (cursor != null);
        return identifiers;
    }

    public long count(String blueprint) {
        return catalog.entities().count(blueprint);
    }

    /** Audit records of entity changes made by {@code origin} (e.g. {@code integration:scripted-1}), newest first. */
    public List<AuditRecord> audit(String origin) {
        return catalog.audit(new AuditQuery(null, null, null, null, null, "entity", origin, null, null, 1000));
    }

    /** Audit records of entity changes made by {@link #INTEGRATION}. */
    public List<AuditRecord> integrationAudit() {
        return audit(Actor.integration(INTEGRATION).origin());
    }

    // ---- writing as someone else ---------------------------------------------------------

    /** Upserts an entity through the API's path (as {@link #API}, so owned by nobody). */
    public Entity writeByApi(String blueprint, String json) {
        return catalog.entities().write(blueprint, Json.parse(json), WriteOptions.UPSERT_REPLACE, API).entity();
    }

    /** Upserts an entity as another integration (so owned by it). */
    public Entity writeAs(String installation, String blueprint, String json) {
        return catalog.entities().write(blueprint, Json.parse(json), WriteOptions.UPSERT_REPLACE, Actor.integration(installation)).entity();
    }

    public static ObjectNode object(String json) {
        return (ObjectNode) Json.parse(json);
    }

    public static JsonNode json(String json) {
        return Json.parse(json);
    }

    // ---- hosting: installations, the launcher, metrics -------------------------------------

    public TestInstallationRepository installations() {
        if (installations == null) installations = new TestInstallationRepository(store);
        return installations;
    }

    public PrometheusMeterRegistry meters() {
        if (meters == null) meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return meters;
    }

    /** A launcher over {@link #installations()}, the scripted integration and {@link #meters()}, closed with the harness. */
    public ResyncLauncher launcher() {
        if (launcher == null) {
            launcher = new ResyncLauncher(installations(), registry(), id -> new InProcessCatalogClient(catalog, id),
                    PortolanJqEngine.INSTANCE, new SyncMetrics(meters()), clock,
                    new ResyncLauncher.Tuning(batchSize, jqTimeout, leaseTtl), new StoreResyncLeases(store()));
        }
        return launcher;
    }

    private IntegrationRegistry registry() {
        if (registry == null) registry = new IntegrationRegistry().register(integration);
        return registry;
    }

    /** The manager of installations, over {@link #launcher()} and {@link #installations()}. */
    public IntegrationManager manager() {
        if (manager == null) {
            manager = new IntegrationManager(installations(), registry(),
                    id -> new InProcessCatalogClient(catalog, id), launcher(), clock);
        }
        return manager;
    }

    /** Saves an installation of the scripted integration with this mapping (no resync is started). */
    public Installation install(String identifier, String mappingYaml, int scheduledResyncInterval) {
        ObjectNode config = (ObjectNode) MappingParser.readYaml(mappingYaml);
        mapping(mappingYaml); // refuse a bad mapping here, as installing would
        Installation installation = new Installation(identifier, ScriptedIntegration.TYPE, identifier, Json.object(), config,
                scheduledResyncInterval, false, clock.instant(), clock.instant());
        installations().save(installation);
        return installation;
    }

    @Override
    public void close() {
        try {
            if (launcher != null) launcher.close();
        } finally {
            try {
                store.close();
            } finally {
                if (ownsDatabase) database.close();
            }
        }
    }
}
