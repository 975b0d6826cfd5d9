package dev.portolan.bench.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.bench.BenchDatabases;
import dev.portolan.bench.ServiceCatalog;
import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.entity.CalculationEvaluator;
import dev.portolan.catalog.json.Json;
import dev.portolan.catalog.search.Query;
import dev.portolan.catalog.search.QueryParser;
import dev.portolan.catalog.search.SearchPage;
import dev.portolan.catalog.search.SearchRequest;
import dev.portolan.catalog.search.SearchSort;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.Stores;

import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Search on one large blueprint ({@link ServiceCatalog}, default 1,000,000 services owned by 1,000
 * teams) through the service the {@code /v1} search endpoints use ({@code CatalogService.entities().search}),
 * pages of 200: equality on a property ({@code language = x}, 1/8 of the services), a range on a
 * number ({@code stars >= a and stars < a + 1000}, 1/10) and a {@code relatedTo} (the services of
 * one team, 1/1,000), each in the order {@code /v1} returns (identifier) and sorted by a property
 * ({@code stars}, descending); the first page, then the next four pages through the {@code next}
 * cursor. Prints p50/p95/p99/max per search, order and page kind; values vary per round (seeded). The
 * first line, the same pages without a filter, is the floor of this run: on a shared machine, compare
 * ratios to it. Each search's very first page is reported alone: the first search that compares a
 * property or sorts by it builds that property's index (seconds at a million entities).
 *
 * <p>Usage: {@code bench/run search [entities=1000000] [sqlite|postgresql|both]}. With
 * {@code BENCH_KEEP_DATABASE=1} the loaded databases are kept (SQLite in
 * {@code $TMPDIR/portolan-search-bench}, PostgreSQL database {@code portolan_search_bench}) and the
 * next run (and {@code bench/run catalog-page}) reuses them when they hold the same number of
 * services; migrations run on opening, so new indexes are built on the kept data.
 */
public final class SearchBenchmark {

    private static final int LIMIT = 200;
    private static final int ROUNDS = 150;
    private static final int NEXT_PAGES = 4;

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String which = args.length > 1 ? args[1] : "both";
        if (ServiceCatalog.keep()) {
            if (!which.equals("postgresql")) {
                try (CatalogStore store = Stores.sqlite(Files.createDirectories(ServiceCatalog.keptSqlite()))) {
                    run(store, n);
                }
            }
            if (!which.equals("sqlite")) {
                try (CatalogStore store = Stores.open(ServiceCatalog.keptPostgresql())) {
                    run(store, n);
                }
            }
        } else {
            BenchDatabases.each(which, "portolan_search_bench_once", (dialect, store) -> run(store, n));
        }
    }

    private static void run(CatalogStore store, int n) {
        CatalogService catalog = new CatalogService(store, Clock.systemUTC(), CalculationEvaluator.NONE);
        ServiceCatalog.loadUnlessKept(store, n);
        store.write(tx -> null); // the dialect's statistics step after writing (ANALYZE when many rows changed)
        Map<String, IntFunction<Query>> searches = new LinkedHashMap<>();
        // The floor: pages of the whole blueprint, the least a page of 200 can cost (reading and mapping its rows).
        searches.put("floor: no filter", round -> Query.matchAll());
        searches.put("language = x", round -> parse("{\"combinator\": \"and\", \"rules\": [{\"property\": \"language\", \"operator\": \"=\", \"value\": \""
                + ServiceCatalog.LANGUAGES[round % ServiceCatalog.LANGUAGES.length] + "\"}]}"));
        Random random = new Random(11);
        searches.put("stars in [a, a+1000)", round -> {
            int from = random.nextInt(9_000);
            return parse("{\"combinator\": \"and\", \"rules\": [{\"property\": \"stars\", \"operator\": \">=\", \"value\": " + from
                    + "}, {\"property\": \"stars\", \"operator\": \"<\", \"value\": " + (from + 1000) + "}]}");
        });
        searches.put("relatedTo team", round -> parse("{\"combinator\": \"and\", \"rules\": [{\"operator\": \"relatedTo\", \"blueprint\": \""
                + ServiceCatalog.TEAMS + "\", \"value\": \"" + ServiceCatalog.team(random.nextInt(ServiceCatalog.TEAM_COUNT)) + "\"}]}"));
        SearchSort[] orders = {null, new SearchSort("stars", true)};
        System.out.printf("== %s, %,d services: search pages of %d through CatalogService (as /v1), %d rounds, first page + %d next pages%n",
                store.dialect(), n, LIMIT, ROUNDS, NEXT_PAGES);
        for (var search : searches.entrySet()) {
            for (SearchSort order : orders) {
                String name = search.getKey() + (order == null ? ", by identifier" : ", by stars desc");
                // The first search comparing or sorting by a property builds its index: reported alone, not in the rounds.
                List<Double> opening = new ArrayList<>();
                measure(catalog, search.getValue().apply(0), order, opening, new ArrayList<>());
                report(name + ", warm-up's first page", opening);
                for (int warm = 1; warm < 10; warm++) measure(catalog, search.getValue().apply(warm), order, new ArrayList<>(), new ArrayList<>());
                List<Double> first = new ArrayList<>();
                List<Double> next = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) measure(catalog, search.getValue().apply(round), order, first, next);
                report(name + ", first page", first);
                report(name + ", next pages", next);
            }
        }
        System.out.printf("  load average: %.2f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The first page and up to NEXT_PAGES pages after it (fewer when the matches run out). */
    private static void measure(CatalogService catalog, Query query, SearchSort order, List<Double> first, List<Double> next) {
        String from = null;
        for (int page = 0; page <= NEXT_PAGES; page++) {
            long start = System.nanoTime();
            SearchPage result = catalog.entities().search(new SearchRequest(ServiceCatalog.BLUEPRINT, query, LIMIT, from, order));
            double millis = (System.nanoTime() - start) / 1e6;
            (page == 0 ? first : next).add(millis);
            if (result.entities().isEmpty()) throw new IllegalStateException("the search found nothing: " + query);
            from = result.next();
            if (from == null) return;
        }
    }

    private static Query parse(String json) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            return QueryParser.parse(node);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void report(String what, List<Double> millis) {
        if (millis.isEmpty()) return;
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("  %-48s n=%4d  p50 %6.1f  p95 %6.1f  p99 %6.1f  max %6.1f ms%n", what, sorted.size(),
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.getLast());
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
