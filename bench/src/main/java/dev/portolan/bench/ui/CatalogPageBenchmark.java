package dev.portolan.bench.ui;

import dev.portolan.bench.ServiceCatalog;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.server.PortolanServer;
import dev.portolan.server.ServerSettings;
import dev.portolan.store.Stores;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog page over a large blueprint, measured as a browser gets it: a real server on a
 * database holding N entities (default 1,000,000), a signed-in session, and {@code GET
 * /catalog/bench_service} with 50 rows, a filter and a sort, first pages and following "next"
 * pages (keyset cursor). Reports p50/p95/max of the server's answer time (localhost HTTP round
 * trip, page fully rendered); then the search box (a piece of a title or an identifier) with the same
 * filter and sorts.
 *
 * <p>The entities are {@link ServiceCatalog}'s (without owners), in fresh databases dropped afterwards; with
 * {@code BENCH_KEEP_DATABASE=1}, those {@code bench/run search} keeps (with owners), loaded when missing and kept. Usage: {@code bench/run dev.portolan.bench.ui.CatalogPageBenchmark [entities] [sqlite|postgresql|both]}.
 */
public final class CatalogPageBenchmark {

    private static final String[] LANGUAGES = ServiceCatalog.LANGUAGES;
    private static final String CLIENT_ID = "bench-admin";
    private static final String SECRET = "bench-admin-secret-0123456789";
    private static final String PG_ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final Pattern NEXT = Pattern.compile("href=\"(/catalog/bench_service\\?[^\"]*from=[^\"]*)\" rel=\"next\"");

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String which = args.length > 1 ? args[1] : "both";
        if (ServiceCatalog.keep()) {
            keptDatabases(n, which);
            return;
        }
        if (!which.equals("postgresql")) {
            Path dir = Files.createTempDirectory("portolan-page-bench");
            try (CatalogStore store = Stores.sqlite(dir)) {
                ServiceCatalog.load(store, n, false);
            }
            measure("sqlite", n, ServerSettings.defaults(dir));
        }
        if (!which.equals("sqlite")) {
            String db = "portolan_page_bench";
            execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            execute("CREATE DATABASE " + db);
            String url = "jdbc:postgresql://127.0.0.1:5432/" + db + "?user=postgres";
            try {
                try (CatalogStore store = Stores.open(url)) {
                    ServiceCatalog.load(store, n, false);
                }
                execute(url, "ANALYZE");
                measure("postgresql", n, ServerSettings.defaults(Files.createTempDirectory("portolan-page-bench")).withDatabaseUrl(url));
            } finally {
                execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }
    }

    /** BENCH_KEEP_DATABASE=1: the databases bench/run search keeps (the same services, with owners), loaded when missing. */
    private static void keptDatabases(int n, String which) throws Exception {
        if (!which.equals("postgresql")) {
            Path dir = Files.createDirectories(ServiceCatalog.keptSqlite());
            try (CatalogStore store = Stores.sqlite(dir)) {
                ServiceCatalog.loadUnlessKept(store, n);
            }
            measure("sqlite", n, ServerSettings.defaults(dir));
        }
        if (!which.equals("sqlite")) {
            String url = ServiceCatalog.keptPostgresql();
            try (CatalogStore store = Stores.open(url)) {
                ServiceCatalog.loadUnlessKept(store, n);
            }
            execute(url, "ANALYZE");
            measure("postgresql", n, ServerSettings.defaults(Files.createTempDirectory("portolan-page-bench")).withDatabaseUrl(url));
        }
    }

    private static void measure(String dialect, int n, ServerSettings settings) throws Exception {
        try (PortolanServer server = PortolanServer.start(settings.withPort(0).withAdmin(CLIENT_ID, SECRET))) {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
            String base = "http://127.0.0.1:" + server.port();
            signIn(http, base);
            String[] sorts = {"stars", "$title", "$updatedAt", "tier"};
            Random random = new Random(7);
            for (int warm = 0; warm < 10; warm++) get(http, base + page(LANGUAGES[warm % 8], sorts[warm % 4], warm % 2 == 0));
            List<Double> first = new ArrayList<>();
            List<Double> next = new ArrayList<>();
            java.util.Map<String, List<Double>> bySort = new java.util.TreeMap<>();
            for (int round = 0; round < 40; round++) {
                String sort = sorts[round % sorts.length];
                String path = page(LANGUAGES[random.nextInt(LANGUAGES.length)], sort, random.nextBoolean());
                for (int depth = 0; depth < 5 && path != null; depth++) {
                    long start = System.nanoTime();
                    String html = get(http, base + path);
                    double millis = (System.nanoTime() - start) / 1e6;
                    (depth == 0 ? first : next).add(millis);
                    bySort.computeIfAbsent("sorted by " + sort, k -> new ArrayList<>()).add(millis);
                    Matcher m = NEXT.matcher(html);
                    path = m.find() ? m.group(1).replace("&amp;", "&") : null;
                }
            }
            List<Double> search = new ArrayList<>();
            java.util.TreeMap<Double, String> slowest = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
            for (int round = 0; round < 40; round++) {
                // The search box: a piece of a title ("Service 3f9k") or of an identifier ("svc-0012345").
                String text = round % 2 == 0 ? Integer.toString(random.nextInt(36 * 36 * 36), 36)
                        : String.format("%04d", random.nextInt(10_000));
                String path = page(LANGUAGES[random.nextInt(LANGUAGES.length)], sorts[round % sorts.length], random.nextBoolean())
                        + "&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
                for (int depth = 0; depth < 2 && path != null; depth++) {
                    long start = System.nanoTime();
                    String html = get(http, base + path);
                    double millis = (System.nanoTime() - start) / 1e6;
                    search.add(millis);
                    slowest.put(millis, "q=" + text + ", sorted by " + sorts[round % sorts.length] + (depth == 0 ? ", first page" : ", next page"));
                    Matcher m = NEXT.matcher(html);
                    path = m.find() ? m.group(1).replace("&amp;", "&") : null;
                }
            }
            List<Double> all = new ArrayList<>(first);
            all.addAll(next);
            System.out.printf("== %s, %,d entities: catalog page, 50 rows, filter language = x, sorted by stars/$title/$updatedAt/tier%n", dialect, n);
            report("first pages", first);
            report("next pages (keyset)", next);
            report("all pages", all);
            bySort.forEach(CatalogPageBenchmark::report);
            report("search box (q) + filter", search);
            slowest.entrySet().stream().limit(5).forEach(slow -> System.out.printf("    slowest: %6.1f ms  %s%n", slow.getKey(), slow.getValue()));
            System.out.printf("  load average: %.2f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String page(String language, String sort, boolean descending) {
        return "/catalog/bench_service?fp=language&fo=%3D&fv=" + language + "&sort=" + URLEncoder.encode(sort, StandardCharsets.UTF_8)
                + (descending ? "&dir=desc" : "") + "&col=language&col=stars&col=tier&col=url";
    }

    private static void report(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("  %-22s n=%3d  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n", what, sorted.size(),
                percentile(sorted, 50), percentile(sorted, 95), sorted.getLast());
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void signIn(HttpClient http, String base) throws Exception {
        String form = get(http, base + "/signin");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        if (!token.find()) throw new IllegalStateException("no sign-in form");
        String body = "_csrf=" + token.group(1) + "&next=%2F&clientId=" + CLIENT_ID + "&clientSecret=" + SECRET;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302) throw new IllegalStateException("sign-in failed: " + response.statusCode());
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        if (response.body().contains("This search cannot run")) throw new IllegalStateException(url + " refused its search");
        return response.body();
    }

    private static void execute(String sql) throws Exception {
        execute(PG_ADMIN, sql);
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
