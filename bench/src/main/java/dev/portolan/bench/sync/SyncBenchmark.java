package dev.portolan.bench.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.Actor;
import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.entity.ContentHash;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.entity.EntityWrite;
import dev.portolan.catalog.entity.JqCalculations;
import dev.portolan.catalog.entity.WriteOptions;
import dev.portolan.catalog.json.Json;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.catalog.store.RelationTargets;
import dev.portolan.bench.BenchDatabases;
import dev.portolan.bench.HeapSampler;
import dev.portolan.sync.client.InProcessCatalogClient;
import dev.portolan.sync.jq.PortolanJqEngine;
import dev.portolan.sync.mapping.Mapping;
import dev.portolan.sync.mapping.MappingParser;
import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.resync.ResyncContext;
import dev.portolan.sync.resync.ResyncProgress;
import dev.portolan.sync.resync.ResyncRunner;
import dev.portolan.sync.resync.SyncEvents;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The end-to-end sync benchmark of the integration framework issue: a synthetic integration
 * producing N GitHub-repository-like objects (~1 KB, mapped to 10 properties, a team and 2
 * relations) synced into a real database three times — cold, no change, and with 10% changed,
 * 5% gone and 5% new — reporting entities/s per stage and end to end, and the peak heap; and,
 * in the same run, the raw batched write rate of the same rows straight into the store.
 *
 * <p>Usage: {@code bench/run sync [counts=100000] [sqlite|postgresql|both]}; run it with
 * {@code -Xmx512m} to check the memory promise. {@code BENCH_PROFILE=cold,no-change,mixed} (any of
 * them) records a JFR profile of each named resync alone into {@code /tmp/portolan-sync-<phase>-<database>.jfr}
 * (a whole-run recording mixes the three and the raw writes). {@code BENCH_SKIP_RAW=1} leaves out the raw writes.
 */
public final class SyncBenchmark {

    private static final String MAPPING = """
            createMissingRelatedEntities: false
            entityDeletionThreshold: 0.5
            resources:
              - kind: repository
                selector:
                  query: '.private | not'
                port:
                  entity:
                    mappings:
                      identifier: .name
                      title: .full_name
                      blueprint: '"bench_repo"'
                      team: '[.owner.login]'
                      properties:
                        url: .html_url
                        description: .description
                        language: .language
                        stars: .stargazers_count
                        openIssues: .open_issues_count
                        defaultBranch: .default_branch
                        archived: .archived
                        createdAt: .created_at
                        pushedAt: .pushed_at
                        topics: .topics
                      relations:
                        owner: .owner.login
                        domain: .domain
            """;

    public static void main(String[] args) throws Exception {
        String[] counts = (args.length > 0 ? args[0] : "100000").split(",");
        String which = args.length > 1 ? args[1] : "both";
        System.out.printf("max heap %d MB, %d processors%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        for (String count : counts) {
            int n = Integer.parseInt(count.trim());
            BenchDatabases.each(which, "portolan_sync_bench", (dialect, store) -> run(dialect, store, n));
        }
    }

    private static void run(String dialect, CatalogStore store, int n) throws Exception {
        CatalogService catalog = new CatalogService(store, Clock.systemUTC(), new JqCalculations());
        createModel(catalog);
        System.out.printf("%n== %s, N = %,d   (load average %s)%n", dialect, n, loadAverage());
        double floor = DatabaseFloor.measure(dialect, BenchDatabases.postgresUrl("portolan_sync_bench"), n);
        System.out.printf("  %-30s %,9.0f rows/s   (plain JDBC, bare table with a primary key only: %s)%n", "floor", floor,
                dialect.equals("sqlite") ? "batched prepared inserts, 1,000 per transaction, WAL, synchronous=NORMAL"
                        : "COPY, 1,000 rows per transaction");
        if (System.getenv("BENCH_SKIP_RAW") == null) {
            rawWrites(store, n, floor); // minutes at a million entities: BENCH_SKIP_RAW=1 goes straight to the resyncs
        }
        resync("cold", dialect, catalog, n, 0, floor);
        resync("no change", dialect, catalog, n, 0, floor);
        resync("10% changed, 5% gone, 5% new", dialect, catalog, n, 1, floor);
        System.out.printf("  (load average after: %s)%n", loadAverage());
    }

    /** CPU time of this whole process (SQLite works inside it; PostgreSQL's server does not). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** A rate and its ratio to the floor, e.g. "9,400/s (0.22× floor)". */
    private static String rate(double perSecond, double floor) {
        return String.format("%,9.0f/s (%.2f× floor)", perSecond, perSecond / floor);
    }

    /** The phase BENCH_PROFILE names, in the words of the printed lines: cold, no-change, mixed. */
    private static String phase(String name) {
        return name.startsWith("10%") ? "mixed" : name.replace(' ', '-');
    }

    private static void resync(String name, String dialect, CatalogService catalog, int n, int generation, double floor)
            throws Exception {
        SyntheticIntegration integration = new SyntheticIntegration();
        ObjectNode settings = Json.object().put("count", n).put("generation", generation);
        Mapping mapping = new MappingParser(integration.kinds(null), k -> java.util.Set.of(), java.util.Set.of())
                .parse(MappingParser.readYaml(MAPPING));
        ResyncContext context = new ResyncContext("bench", integration, integration.settings().parse(settings), mapping,
                new InProcessCatalogClient(catalog, "bench"), PortolanJqEngine.INSTANCE, Clock.systemUTC(),
                Duration.ofSeconds(2), 1000, () -> false);
        System.gc();
        jdk.jfr.Recording profile = null;
        if (List.of(System.getenv().getOrDefault("BENCH_PROFILE", "").split(",")).contains(phase(name))) {
            profile = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            profile.start();
        }
        HeapSampler heap = HeapSampler.start();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        SyncReport report = new ResyncRunner(context, quiet(), ResyncProgress.NONE)
                .run(new SyncReport(UUID.randomUUID().toString(), "bench", "bench", Instant.now()));
        double seconds = (System.nanoTime() - start) / 1e9;
        long peakMb = heap.stop() >> 20;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        if (profile != null) {
            java.nio.file.Path file = java.nio.file.Path.of("/tmp/portolan-sync-" + phase(name) + "-" + dialect + ".jfr");
            profile.dump(file);
            profile.close();
            System.out.printf("      profile: %s%n", file);
        }
        KindReport k = report.kinds().getFirst();
        System.out.printf("  %-30s %7.1f s  %s end to end   peak heap %,d MB   (%s)%n", name, seconds,
                rate(k.fetchedCount() / seconds, floor), peakMb, report.state().wire());
        System.out.printf("      fetch %,9.0f/s   map %,9.0f/s   ingest %s   reconcile %.1f s%n",
                k.fetchedCount() / k.stageSeconds(KindReport.Stage.FETCH),
                k.fetchedCount() / k.stageSeconds(KindReport.Stage.MAP),
                rate(k.transformedCount() / k.stageSeconds(KindReport.Stage.INGEST), floor),
                report.reconciliation().durationMillis() / 1000.0);
        System.out.printf("      this process used %.1f CPU-seconds: %,.0f objects per CPU-second%n", cpu, k.fetchedCount() / cpu);
        System.out.printf("      fetched %,d  transformed %,d  filtered %,d  ingested %,d  not changed %,d  failed %,d  deleted %,d%n",
                k.fetchedCount(), k.transformedCount(), k.filteredOutCount(), k.ingestedCount(), k.notChangedCount(),
                k.ingestFailedCount() + k.mapFailedCount(), report.reconciliation().deletedCount());
    }

    /** The same kind of rows written straight into the store in batches of 1,000: the floor under the pipeline. */
    private static void rawWrites(CatalogStore store, int n, double floor) {
        var blueprints = store.read(tx -> tx.listBlueprints());
        RelationTargets targets = RelationTargets.of(blueprints);
        SyntheticSource source = new SyntheticSource(n, 7, 0);
        Instant now = Instant.now();
        long start = System.nanoTime();
        for (int from = 0; from < n; from += 1000) {
            List<EntityWrite> batch = new ArrayList<>(1000);
            for (int i = from; i < Math.min(n, from + 1000); i++) {
                ObjectNode o = source.object(i);
                ObjectNode properties = Json.object();
                properties.put("url", o.get("html_url").asText()).put("description", o.get("description").asText())
                        .put("language", o.get("language").asText()).put("stars", o.get("stargazers_count").asInt())
                        .put("openIssues", o.get("open_issues_count").asInt()).put("defaultBranch", o.get("default_branch").asText())
                        .put("archived", o.get("archived").asBoolean()).put("createdAt", o.get("created_at").asText())
                        .put("pushedAt", o.get("pushed_at").asText()).set("topics", o.get("topics"));
                ObjectNode relations = Json.object().put("owner", o.get("owner").get("login").asText()).put("domain", o.get("domain").asText());
                Entity e = new Entity("raw-" + i, o.get("full_name").asText(), null, List.of(o.get("owner").get("login").asText()),
                        "bench_raw", properties, relations, now, "bench", now, "bench", "raw");
                batch.add(new EntityWrite(e, ContentHash.of(e)));
            }
            store.write(tx -> {
                tx.insertEntities(batch, targets);
                return null;
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  %-30s %7.1f s  %s (insertEntities in batches of 1,000, no audit)%n",
                "raw store writes", seconds, rate(n / seconds, floor));
    }

    private static void createModel(CatalogService catalog) {
        Actor actor = Actor.credential("bench");
        catalog.blueprints().create(Json.parse("{\"identifier\": \"bench_team\", \"title\": \"Team\"}"), actor);
        catalog.blueprints().create(Json.parse("{\"identifier\": \"bench_domain\", \"title\": \"Domain\"}"), actor);
        for (String id : List.of("bench_repo", "bench_raw")) {
            catalog.blueprints().create(Json.parse("""
                    {"identifier": "%s", "title": "Repository",
                     "schema": {"properties": {
                       "url": {"type": "string", "format": "url"}, "description": {"type": "string"},
                       "language": {"type": "string"}, "stars": {"type": "number"}, "openIssues": {"type": "number"},
                       "defaultBranch": {"type": "string"}, "archived": {"type": "boolean"},
                       "createdAt": {"type": "string", "format": "date-time"}, "pushedAt": {"type": "string", "format": "date-time"},
                       "topics": {"type": "array", "items": {"type": "string"}}}},
                     "relations": {"owner": {"target": "bench_team", "required": false, "many": false},
                                   "domain": {"target": "bench_domain", "required": false, "many": false}}}""".formatted(id)), actor);
        }
        List<com.fasterxml.jackson.databind.JsonNode> teams = new ArrayList<>();
        for (int i = 0; i < 50; i++) teams.add(Json.parse("{\"identifier\": \"team-" + i + "\"}"));
        catalog.entities().upsert("bench_team", teams, WriteOptions.UPSERT_MERGE, actor);
        List<com.fasterxml.jackson.databind.JsonNode> domains = new ArrayList<>();
        for (int i = 0; i < 10; i++) domains.add(Json.parse("{\"identifier\": \"domain-" + i + "\"}"));
        catalog.entities().upsert("bench_domain", domains, WriteOptions.UPSERT_MERGE, actor);
    }

    private static SyncEvents quiet() {
        return (level, kind, message) -> { };
    }
}
