package dev.portolan.bench.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.Actor;
import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.entity.CalculationEvaluator;
import dev.portolan.catalog.entity.UpsertOutcome;
import dev.portolan.catalog.entity.WriteOptions;
import dev.portolan.catalog.json.Json;
import dev.portolan.catalog.search.PropertyRule;
import dev.portolan.catalog.search.Operator;
import dev.portolan.catalog.search.Query;
import dev.portolan.catalog.search.SearchPage;
import dev.portolan.catalog.search.SearchRequest;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.bench.BenchDatabases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Catalog write and search throughput, end to end through {@link CatalogService} (validation,
 * hashing, relation checks, audit) into a real database:
 * <ol>
 *   <li>first write of N entities (~1 KB, 10 properties, 2 relations) in batches of 1,000;</li>
 *   <li>the identical re-upsert (every entity <em>not changed</em>: nothing may be written);</li>
 *   <li>a search on a property over those N entities (first page, then every page).</li>
 * </ol>
 * Usage: {@code java -cp ... CatalogUpsertBenchmark [entities=100000] [sqlite|postgresql|both]}.
 * PostgreSQL: a fresh database {@code portolan_bench} at 127.0.0.1:5432 (user postgres), dropped afterwards.
 */
public final class CatalogUpsertBenchmark {

    private static final int BATCH = 1000;
    private static final String[] LANGUAGES = {"java", "go", "python", "rust", "typescript", "kotlin", "ruby", "c"};

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String which = args.length > 1 ? args[1] : "both";
        BenchDatabases.each(which, "portolan_bench", (dialect, store) -> run(dialect, store, n));
    }

    private static void run(String dialect, CatalogStore store, int n) {
        CatalogService catalog = new CatalogService(store, Clock.systemUTC(), CalculationEvaluator.NONE);
        Actor actor = Actor.credential("bench");
        createModel(catalog, actor);
        System.out.printf("%n== %s, %,d entities, batches of %,d%n", dialect, n, BATCH);

        long start = System.nanoTime();
        int[] first = upsertAll(catalog, actor, n);
        report("first write", n, start, first);

        start = System.nanoTime();
        int[] again = upsertAll(catalog, actor, n);
        report("identical re-upsert", n, start, again);

        Query go = Query.and(new PropertyRule("language", Operator.EQ, Json.MAPPER.getNodeFactory().textNode("go")));
        start = System.nanoTime();
        SearchPage page = catalog.entities().search(new SearchRequest("bench_service", go, 200, null));
        System.out.printf("  search language = \"go\", first page of 200: %.1f ms (%d results)%n",
                (System.nanoTime() - start) / 1e6, page.entities().size());
        Query stars = Query.and(new PropertyRule("stars", Operator.GTE, Json.MAPPER.getNodeFactory().numberNode(9_990)));
        start = System.nanoTime();
        page = catalog.entities().search(new SearchRequest("bench_service", stars, 200, null));
        System.out.printf("  search stars >= 9990, first page: %.1f ms (%d results)%n",
                (System.nanoTime() - start) / 1e6, page.entities().size());
        start = System.nanoTime();
        int total = 0;
        String from = null;
        do {
            page = catalog.entities().search(new SearchRequest("bench_service", go, 1000, from));
            total += page.entities().size();
            from = page.next();
        } while (from != null);
        System.out.printf("  search language = \"go\", all %,d results in pages of 1,000: %.1f ms%n",
                total, (System.nanoTime() - start) / 1e6);
    }

    private static int[] upsertAll(CatalogService catalog, Actor actor, int n) {
        int[] counts = new int[UpsertOutcome.Status.values().length];
        Random random = new Random(42);
        for (int offset = 0; offset < n; offset += BATCH) {
            List<JsonNode> batch = new ArrayList<>(BATCH);
            for (int i = offset; i < Math.min(n, offset + BATCH); i++) batch.add(entity(i, random));
            for (UpsertOutcome outcome : catalog.entities().upsert("bench_service", batch, WriteOptions.UPSERT_MERGE, actor)) {
                counts[outcome.status().ordinal()]++;
                if (outcome.failed()) throw outcome.error();
            }
        }
        return counts;
    }

    private static void report(String what, int n, long startNanos, int[] counts) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("  %-20s %8.2f s  %,10.0f entities/s  (created %,d, updated %,d, unchanged %,d)%n", what, seconds,
                n / seconds, counts[UpsertOutcome.Status.CREATED.ordinal()], counts[UpsertOutcome.Status.UPDATED.ordinal()],
                counts[UpsertOutcome.Status.UNCHANGED.ordinal()]);
    }

    /** A GitHub-repository-like entity of about 1 KB; the same index always gives the same entity. */
    static ObjectNode entity(int i, Random random) {
        ObjectNode e = Json.object();
        e.put("identifier", "service-" + i);
        e.put("title", "Service number " + i + " of the benchmark catalog");
        e.putArray("team").add("team-" + (i % 50));
        ObjectNode p = e.putObject("properties");
        p.put("language", LANGUAGES[i % LANGUAGES.length]);
        p.put("stars", i % 10_000);
        p.put("url", "https://git.example.com/org/service-" + i);
        p.put("description", "A service that does useful work number " + i + ". ".repeat(1) + "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.");
        p.put("archived", i % 17 == 0);
        p.put("createdAt", "2024-0" + (1 + i % 9) + "-1" + (i % 10) + "T10:00:00Z");
        p.put("defaultBranch", i % 3 == 0 ? "master" : "main");
        p.put("openIssues", i % 97);
        p.putArray("topics").add("topic-" + (i % 13)).add("topic-" + (i % 7)).add("backend");
        p.put("readme", "# Service " + i + "\n\nThis README explains how to run, deploy and operate the service. "
                + "It has sections on configuration, monitoring, alerts and on-call procedures.");
        ObjectNode r = e.putObject("relations");
        r.put("owner", "team-" + (i % 50));
        r.put("domain", "domain-" + (i % 10));
        return e;
    }

    private static void createModel(CatalogService catalog, Actor actor) {
        catalog.blueprints().create(Json.parse("""
                {"identifier": "bench_team", "title": "Team", "schema": {"properties": {}}}"""), actor);
        catalog.blueprints().create(Json.parse("""
                {"identifier": "bench_domain", "title": "Domain", "schema": {"properties": {}}}"""), actor);
        catalog.blueprints().create(Json.parse("""
                {"identifier": "bench_service", "title": "Service",
                 "schema": {"properties": {
                   "language": {"type": "string", "enum": ["java","go","python","rust","typescript","kotlin","ruby","c"]},
                   "stars": {"type": "number", "minimum": 0},
                   "url": {"type": "string", "format": "url"},
                   "description": {"type": "string", "maxLength": 2000},
                   "archived": {"type": "boolean"},
                   "createdAt": {"type": "string", "format": "date-time"},
                   "defaultBranch": {"type": "string"},
                   "openIssues": {"type": "number"},
                   "topics": {"type": "array", "items": {"type": "string"}},
                   "readme": {"type": "string", "format": "markdown"}},
                   "required": ["language"]},
                 "relations": {
                   "owner": {"title": "Owner", "target": "bench_team", "required": false, "many": false},
                   "domain": {"title": "Domain", "target": "bench_domain", "required": false, "many": false}}}"""), actor);
        List<JsonNode> teams = new ArrayList<>();
        for (int i = 0; i < 50; i++) teams.add(Json.parse("{\"identifier\": \"team-" + i + "\"}"));
        catalog.entities().upsert("bench_team", teams, WriteOptions.UPSERT_MERGE, actor);
        List<JsonNode> domains = new ArrayList<>();
        for (int i = 0; i < 10; i++) domains.add(Json.parse("{\"identifier\": \"domain-" + i + "\"}"));
        catalog.entities().upsert("bench_domain", domains, WriteOptions.UPSERT_MERGE, actor);
    }

}
