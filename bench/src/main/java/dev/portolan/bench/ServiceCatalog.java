package dev.portolan.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.Actor;
import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.entity.CalculationEvaluator;
import dev.portolan.catalog.entity.ContentHash;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.entity.EntityWrite;
import dev.portolan.catalog.json.Json;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.catalog.store.RelationTargets;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The large blueprint the read benchmarks search: {@code bench_service} with N entities
 * ({@code svc-0000000}...), properties {@code language} (one of 8), {@code stars} (0..9,999),
 * {@code tier} (0..3) and {@code url}, the same values for the same N on every run. With owners,
 * each service also has the relation {@code owner} to one of 1,000 {@code bench_team} entities
 * ({@code team-000}..., service i owned by team i mod 1,000), with its relation edge.
 *
 * <p>Entities are written straight into the store in batches of 1,000 (the catalog's write path is
 * measured elsewhere); the blueprints are created through the catalog so their property indexes exist.
 */
public final class ServiceCatalog {

    public static final String BLUEPRINT = "bench_service";
    public static final String TEAMS = "bench_team";
    public static final int TEAM_COUNT = 1000;
    public static final String[] LANGUAGES = {"java", "go", "python", "rust", "typescript", "kotlin", "ruby", "c"};

    /** The PostgreSQL database kept between runs ({@link #keep()}). */
    public static final String KEPT_DATABASE = "portolan_search_bench";
    public static final String PG_ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private ServiceCatalog() {}

    /** Whether {@code BENCH_KEEP_DATABASE=1}: the loaded databases stay for the next run ({@link #keptSqlite}, {@link #KEPT_DATABASE}). */
    public static boolean keep() {
        return "1".equals(System.getenv("BENCH_KEEP_DATABASE"));
    }

    /** The SQLite data directory kept between runs. */
    public static Path keptSqlite() {
        return Path.of(System.getProperty("java.io.tmpdir"), "portolan-search-bench");
    }

    /** The JDBC URL of the kept PostgreSQL database, created empty when it does not exist. */
    public static String keptPostgresql() throws Exception {
        boolean exists;
        try (Connection c = DriverManager.getConnection(PG_ADMIN); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + KEPT_DATABASE + "'")) {
            exists = row.next();
        }
        if (!exists) {
            try (Connection c = DriverManager.getConnection(PG_ADMIN); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + KEPT_DATABASE);
            }
        }
        return "jdbc:postgresql://127.0.0.1:5432/" + KEPT_DATABASE + "?user=postgres";
    }

    /**
     * Loads {@code n} services with owners unless the store already holds exactly them (a kept database);
     * a kept database of another size is refused rather than mixed.
     */
    public static void loadUnlessKept(CatalogStore store, int n) {
        long stored = store.read(tx -> tx.findBlueprint(BLUEPRINT).isPresent() ? tx.countEntities(BLUEPRINT) : -1L);
        if (stored == n) {
            System.out.printf("%n== %s: %,d services already loaded (kept database)%n", store.dialect(), n);
        } else if (stored >= 0) {
            throw new IllegalStateException("the kept " + store.dialect() + " database holds " + stored + " services, not " + n
                    + ": delete it (" + keptSqlite() + ", database " + KEPT_DATABASE + ") or ask for " + stored);
        } else {
            load(store, n, true);
        }
    }

    /** Creates the blueprint(s) and writes {@code n} services (and the teams, with {@code owners}). */
    public static void load(CatalogStore store, int n, boolean owners) {
        CatalogService catalog = new CatalogService(store, Clock.systemUTC(), CalculationEvaluator.NONE);
        List<Blueprint> blueprints = new ArrayList<>();
        if (owners) {
            blueprints.add(catalog.blueprints().create(Json.MAPPER.valueToTree(Map.of(
                    "identifier", TEAMS, "title", "Team", "schema", Map.of("properties", Map.of()))), Actor.credential("bench")));
        }
        Map<String, Object> service = new java.util.LinkedHashMap<>(Map.of(
                "identifier", BLUEPRINT, "title", "Service",
                "schema", Map.of("properties", Map.of(
                        "language", Map.of("type", "string", "enum", List.of(LANGUAGES)),
                        "stars", Map.of("type", "number"),
                        "tier", Map.of("type", "number"),
                        "url", Map.of("type", "string", "format", "url")))));
        if (owners) {
            service.put("relations", Map.of("owner", Map.of("title", "Owner", "target", TEAMS, "required", false, "many", false)));
        }
        blueprints.add(catalog.blueprints().create(Json.MAPPER.valueToTree(service), Actor.credential("bench")));
        RelationTargets targets = RelationTargets.of(blueprints);
        Instant now = Instant.now();
        long start = System.nanoTime();
        if (owners) {
            List<EntityWrite> teams = new ArrayList<>();
            for (int t = 0; t < TEAM_COUNT; t++) {
                Entity e = new Entity(team(t), "Team " + t, null, List.of(), TEAMS, Json.object(), Json.object(),
                        now, "bench", now, "bench", null);
                teams.add(new EntityWrite(e, ContentHash.of(e)));
            }
            write(store, teams, targets);
        }
        Random random = new Random(42);
        for (int from = 0; from < n; from += 1000) {
            List<EntityWrite> batch = new ArrayList<>(1000);
            for (int i = from; i < Math.min(n, from + 1000); i++) {
                ObjectNode properties = Json.object()
                        .put("language", LANGUAGES[random.nextInt(LANGUAGES.length)])
                        .put("stars", random.nextInt(10_000))
                        .put("tier", random.nextInt(4))
                        .put("url", "https://git.example.com/org/service-" + i);
                ObjectNode relations = Json.object();
                if (owners) relations.put("owner", team(i % TEAM_COUNT));
                Entity e = new Entity(String.format("svc-%07d", i), "Service " + Integer.toString(i * 7919 % n, 36), null,
                        List.of("team-" + (i % 50)), BLUEPRINT, properties, relations, now, "bench", now, "bench", null);
                batch.add(new EntityWrite(e, ContentHash.of(e)));
            }
            write(store, batch, targets);
        }
        System.out.printf("%n== %s: loaded %,d entities in %.0f s%n", store.dialect(), n, (System.nanoTime() - start) / 1e9);
    }

    /** The identifier of team {@code t}. */
    public static String team(int t) {
        return String.format("team-%03d", t);
    }

    private static void write(CatalogStore store, List<EntityWrite> batch, RelationTargets targets) {
        store.write(tx -> {
            tx.insertEntities(batch, targets);
            return null;
        });
    }
}
