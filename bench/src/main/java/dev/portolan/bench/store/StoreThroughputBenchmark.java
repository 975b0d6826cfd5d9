package dev.portolan.bench.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.Relation;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.entity.EntityState;
import dev.portolan.catalog.entity.EntityWrite;
import dev.portolan.catalog.search.Operator;
import dev.portolan.catalog.search.PropertyRule;
import dev.portolan.catalog.search.Query;
import dev.portolan.catalog.search.SearchPage;
import dev.portolan.catalog.search.SearchRequest;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.catalog.store.RelationTargets;
import dev.portolan.bench.BenchDatabases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store alone, without the catalog's validation: how fast {@code portolan-store} writes and
 * finds entities of the sync benchmark's shape (~1 KB, 10 properties, 8 of them indexed, 2
 * relations) in batches of 1,000, one transaction per batch, as the ingest step does it:
 * <ol>
 *   <li>first write: {@code findEntityStates} (nothing found) + {@code insertEntities};</li>
 *   <li>not-changed check: {@code findEntityStates} of every batch (what an identical re-upsert costs);</li>
 *   <li>update: {@code findEntityStates} + {@code updateEntities} (edges replaced);</li>
 *   <li>searches on an indexed property over all entities.</li>
 * </ol>
 * Usage: {@code StoreThroughputBenchmark [entities=100000] [sqlite|postgresql|both]}; PostgreSQL:
 * database {@code portolan_store_bench} at 127.0.0.1:5432 (user postgres), dropped afterwards.
 */
public final class StoreThroughputBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int BATCH = 1000;
    private static final String[] LANGUAGES = {"java", "go", "python", "rust", "typescript", "kotlin", "ruby", "c"};

    private StoreThroughputBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String which = args.length > 1 ? args[1] : "both";
        BenchDatabases.each(which, "portolan_store_bench", (dialect, store) -> run(store, n));
    }

    private static void run(CatalogStore store, int n) {
        List<Blueprint> blueprints = model();
        RelationTargets targets = RelationTargets.of(blueprints);
        store.write(tx -> {
            blueprints.forEach(tx::insertBlueprint);
            return null;
        });
        System.out.printf("%n== %s, %,d entities, batches of %,d%n", store.dialect(), n, BATCH);

        long start = System.nanoTime();
        cpuMark = cpu();
        for (int offset = 0; offset < n; offset += BATCH) {
            List<EntityWrite> batch = batch(offset, n, 0);
            store.write(tx -> {
                Map<String, EntityState> states = tx.findEntityStates("bench_service", identifiers(batch));
                if (!states.isEmpty()) {
                    throw new IllegalStateException("unexpected existing entities");
                }
                tx.insertEntities(batch, targets);
                return null;
            });
        }
        report("first write", n, start);

        start = System.nanoTime();
        int unchanged = 0;
        for (int offset = 0; offset < n; offset += BATCH) {
            List<EntityWrite> batch = batch(offset, n, 0);
            Map<String, EntityState> states = store.write(tx -> tx.findEntityStates("bench_service", identifiers(batch)));
            for (EntityWrite write : batch) {
                EntityState state = states.get(write.entity().identifier());
                if (state != null && state.contentHash().equals(write.contentHash())) {
                    unchanged++;
                }
            }
        }
        report("not-changed check", n, start);
        if (unchanged != n) {
            throw new IllegalStateException("expected every entity unchanged, got " + unchanged);
        }

        start = System.nanoTime();
        for (int offset = 0; offset < n; offset += BATCH) {
            List<EntityWrite> batch = batch(offset, n, 1);
            store.write(tx -> {
                tx.findEntityStates("bench_service", identifiers(batch));
                tx.updateEntities(batch, targets);
                return null;
            });
        }
        report("update", n, start);

        search(store, "language = \"go\", first page of 200", rule("language", Operator.EQ, MAPPER.getNodeFactory().textNode("go")), 200, false);
        search(store, "stars >= 9990, first page of 200", rule("stars", Operator.GTE, MAPPER.getNodeFactory().numberNode(9_990)), 200, false);
        search(store, "language = \"go\", every page of 1,000", rule("language", Operator.EQ, MAPPER.getNodeFactory().textNode("go")), 1000, true);
    }

    private static Query rule(String property, Operator operator, com.fasterxml.jackson.databind.JsonNode value) {
        return Query.and(new PropertyRule(property, operator, value));
    }

    private static void search(CatalogStore store, String what, Query query, int limit, boolean allPages) {
        long start = System.nanoTime();
        int total = 0;
        String from = null;
        do {
            SearchRequest request = new SearchRequest("bench_service", query, limit, from);
            SearchPage page = store.read(tx -> tx.search(request));
            total += page.entities().size();
            from = allPages ? page.next() : null;
        } while (from != null);
        System.out.printf("  search %-40s %8.1f ms  (%,d results)%n", what, (System.nanoTime() - start) / 1e6, total);
    }

    /** Process CPU time at the start of a phase: on a shared machine, entities per CPU-second is the steadier figure. */
    private static long cpuMark = cpu();

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void report(String what, int n, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long now = cpu();
        double cpuSeconds = (now - cpuMark) / 1e9;
        cpuMark = now;
        System.out.printf("  %-20s %8.2f s  %,10.0f entities/s  (process CPU %.2f s, %,.0f entities per CPU-second)%n",
                what, seconds, n / seconds, cpuSeconds, n / cpuSeconds);
    }

    private static List<String> identifiers(List<EntityWrite> batch) {
        return batch.stream().map(w -> w.entity().identifier()).toList();
    }

    private static List<EntityWrite> batch(int offset, int n, int version) {
        List<EntityWrite> batch = new ArrayList<>(BATCH);
        for (int i = offset; i < Math.min(n, offset + BATCH); i++) {
            Entity entity = entity(i, version);
            batch.add(new EntityWrite(entity, Integer.toHexString(entity.properties().hashCode()) + "-" + version));
        }
        return batch;
    }

    /** A GitHub-repository-like entity of about 1 KB; the same index and version give the same entity. */
    private static Entity entity(int i, int version) {
        ObjectNode p = MAPPER.createObjectNode();
        p.put("language", LANGUAGES[i % LANGUAGES.length]);
        p.put("stars", i % 10_000 + version);
        p.put("url", "https://git.example.com/org/service-" + i);
        p.put("description", "A service that does useful work number " + i + ". Lorem ipsum dolor sit amet, consectetur "
                + "adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim "
                + "veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.");
        p.put("archived", i % 17 == 0);
        p.put("createdAt", "2024-0" + (1 + i % 9) + "-1" + (i % 10) + "T10:00:00Z");
        p.put("defaultBranch", i % 3 == 0 ? "master" : "main");
        p.put("openIssues", i % 97);
        p.putArray("topics").add("topic-" + (i % 13)).add("topic-" + (i % 7)).add("backend");
        p.put("readme", "# Service " + i + "\n\nThis README explains how to run, deploy and operate the service. "
                + "It has sections on configuration, monitoring, alerts and on-call procedures.");
        ObjectNode r = MAPPER.createObjectNode();
        r.put("owner", "team-" + (i % 50));
        r.put("domain", "domain-" + (i % 10));
        Instant now = Instant.now();
        return new Entity("service-" + i, "Service number " + i + " of the benchmark catalog", null,
                List.of("team-" + (i % 50)), "bench_service", p, r, now, "bench", now, "bench", "bench");
    }

    private static List<Blueprint> model() {
        ObjectNode schema = (ObjectNode) parse("""
                {"properties": {
                   "language": {"type": "string", "enum": ["java","go","python","rust","typescript","kotlin","ruby","c"]},
                   "stars": {"type": "number"}, "url": {"type": "string", "format": "url"},
                   "description": {"type": "string", "maxLength": 2000}, "archived": {"type": "boolean"},
                   "createdAt": {"type": "string", "format": "date-time"}, "defaultBranch": {"type": "string"},
                   "openIssues": {"type": "number"}, "topics": {"type": "array", "items": {"type": "string"}},
                   "readme": {"type": "string", "format": "markdown"}},
                 "required": ["language"]}""");
        Map<String, Relation> relations = new LinkedHashMap<>();
        relations.put("owner", new Relation("Owner", "bench_team", false, false, null));
        relations.put("domain", new Relation("Domain", "bench_domain", false, false, null));
        return List.of(blueprint("bench_team", (ObjectNode) parse("{\"properties\": {}}"), Map.of()),
                blueprint("bench_domain", (ObjectNode) parse("{\"properties\": {}}"), Map.of()),
                blueprint("bench_service", schema, relations));
    }

    private static Blueprint blueprint(String identifier, ObjectNode schema, Map<String, Relation> relations) {
        Instant now = Instant.now();
        return new Blueprint(identifier, identifier, null, null, schema, relations, Map.of(), Map.of(),
                MAPPER.createObjectNode(), MAPPER.createObjectNode(), now, "bench", now, "bench");
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

}
