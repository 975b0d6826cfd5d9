package dev.portolan.bench.git;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.bench.BenchDatabases;
import dev.portolan.bench.HeapSampler;
import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.entity.JqCalculations;
import dev.portolan.catalog.json.Json;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.integrations.git.GitIntegration;
import dev.portolan.sync.client.InProcessCatalogClient;
import dev.portolan.sync.files.FileFolders;
import dev.portolan.sync.host.IntegrationManager;
import dev.portolan.sync.jq.PortolanJqEngine;
import dev.portolan.sync.mapping.Mapping;
import dev.portolan.sync.mapping.MappingParser;
import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.resync.ResyncContext;
import dev.portolan.sync.resync.ResyncProgress;
import dev.portolan.sync.resync.ResyncRunner;
import dev.portolan.sync.resync.SyncEvents;
import dev.portolan.sync.settings.Settings;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Git integration's benchmark, with its default mapping (services, contributors, commits) into
 * a real database: one generated repository with many commits and files, then a scan root of many
 * small repositories — each resynced cold (with, beyond the default mapping, every Go file as an entity), then several times with nothing changed (what an unchanged
 * repository costs: it must not be read again). Reports wall time, objects fetched per second,
 * peak heap, and how many (kind, repository) pairs were read from a repository rather than from the cache.
 *
 * <p>Usage: {@code bench/run git [commits=100000] [files=50000] [repositories=500] [sqlite|postgresql]}
 * (0 commits skips the large repository, 0 repositories the scan root). System properties (through
 * {@code BENCH_JAVA_OPTS}): {@code portolan.bench.git.dir} keeps the generated repositories,
 * {@code portolan.bench.git.mapping=default} leaves the file resource out,
 * {@code portolan.bench.git.noChangeRuns} (default 5) sets how many no-change resyncs follow the cold one,
 * {@code portolan.bench.jfr} profiles the last of them.
 */
public final class GitBenchmark {

    /** Beyond the default mapping: every Go file (a quarter of the files) becomes an entity, to measure the file kind. */
    private static final String FILE_RESOURCE = """

              - kind: file
                selector:
                  query: 'true'
                  files: ['**/*.go']
                port:
                  entity:
                    mappings:
                      identifier: '.__repository.full_name + "_" + .path | gsub("/"; "_")'
                      title: .name
                      blueprint: '"gitFile"'
                      properties:
                        path: .path
                        size: .size
                      relations:
                        service: .__repository.name
            """;

    private static final String FILE_BLUEPRINT = """
            {"identifier": "gitFile", "title": "File", "schema": {"properties": {"path": {"type": "string"}, "size": {"type": "number"}}},
             "relations": {"service": {"title": "Service", "target": "service", "required": false, "many": false}}}
            """;

    public static void main(String[] args) throws Exception {
        int commits = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int repositories = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        String which = args.length > 3 ? args[3] : "sqlite";
        System.out.printf("Git resync: one repository of %,d commits and %,d files; %,d small repositories in a scan root; "
                + "max heap %d MB, %d processors%n", commits, files, repositories, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        // -Dportolan.bench.git.dir=<folder> keeps the generated repositories there and reuses them on the next run (say, to
        // generate a million commits once with a large heap, then measure with -Xmx512m).
        String kept = System.getProperty("portolan.bench.git.dir");
        Path work = kept != null ? Files.createDirectories(Path.of(kept).toAbsolutePath()) : Files.createTempDirectory("portolan-bench-git");
        if (commits > 0) {
            Path big = work.resolve("big-" + commits + "-" + files + "/monolith.git");
            if (!Files.exists(big.resolve("refs/heads/main"))) { // written last: its presence means the repository is complete
                long start = System.nanoTime();
                GeneratedRepositories.create(big, commits, files);
                System.out.printf("  generated the large repository in %.1f s%n", (System.nanoTime() - start) / 1e9);
            }
            BenchDatabases.each(which, "portolan_bench_git", (dialect, store) ->
                    run(dialect + ", 1 repository", store, work, "{\"repositories\": [\"" + big + "\"]}", List.of(big)));
        }
        if (repositories > 0) {
            Path root = work.resolve("many-" + repositories);
            Path complete = work.resolve("many-" + repositories + ".complete");
            if (!Files.exists(complete)) {
                long start = System.nanoTime();
                for (int i = 0; i < repositories; i++) GeneratedRepositories.create(smallRepository(root, i), 5, 10);
                System.out.printf("  generated %,d small repositories in %.1f s%n", repositories, (System.nanoTime() - start) / 1e9);
                Files.createFile(complete);
            }
            List<Path> small = new java.util.ArrayList<>();
            for (int i = 0; i < repositories; i++) small.add(smallRepository(root, i));
            BenchDatabases.each(which, "portolan_bench_git", (dialect, store) ->
                    run(dialect + ", " + repositories + " repositories", store, work, "{\"scanRoots\": [\"" + root + "\"], \"scanDepth\": 2}", small));
        }
    }

    private static Path smallRepository(Path root, int i) {
        return root.resolve(String.format("team-%02d/repo-%04d.git", i % 20, i));
    }

    private static void run(String name, CatalogStore store, Path work, String settingsJson, List<Path> repositories) throws Exception {
        CatalogService catalog = new CatalogService(store, Clock.systemUTC(), new JqCalculations());
        AtomicLong reads = new AtomicLong();
        Path data = Files.createTempDirectory(work, "data");
        GitIntegration integration = new GitIntegration(data, FileFolders.of(List.of(work)), GitIntegration.REMOTE_FRESHNESS,
                (kind, repository) -> reads.incrementAndGet());
        InProcessCatalogClient client = new InProcessCatalogClient(catalog, "git-bench");
        client.createMissingBlueprints(integration.defaults().blueprints());
        client.createMissingBlueprints(List.of((ObjectNode) Json.parse(FILE_BLUEPRINT)));
        Settings settings = integration.settings().parse(Json.parse(settingsJson));
        // -Dportolan.bench.git.mapping=default: the default mapping alone, without the file resource
        boolean files = !"default".equals(System.getProperty("portolan.bench.git.mapping"));
        Mapping mapping = IntegrationManager.mappingParser(integration, settings)
                .parse(MappingParser.readYaml(integration.defaults().mappingYaml() + (files ? FILE_RESOURCE : "")));
        System.out.println("[" + name + (files ? ", default mapping + file resource" : ", default mapping") + "]");
        try {
            double[] noChange = resyncs(catalog, integration, settings, mapping, reads);
            if (repositories.size() < 100) return; // too few heads for a floor that can be timed
            double[] floor = HeadsFloor.measure(repositories, mapping.resources().size());
            System.out.printf("  floor: JGit resolving each repository's head once per resource (%,d), nothing else: %.2f s (cpu %.2f s);"
                    + " no-change resync / floor: %.1f× wall, %.1f× cpu%n", repositories.size() * mapping.resources().size(),
                    floor[0], floor[1], noChange[0] / floor[0], noChange[1] / floor[1]);
        } finally {
            try (var paths = Files.walk(data)) { // the caches and mirrors of this run: the next starts cold
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Cold, then no-change resyncs ({@code -Dportolan.bench.git.noChangeRuns}, default 5: the first ones
     * still pay for compiling the code a no-change resync runs, as a server's first resyncs do); returns
     * the fastest no-change resync's wall and CPU seconds.
     */
    private static double[] resyncs(CatalogService catalog, GitIntegration integration, Settings settings, Mapping mapping,
                                    AtomicLong reads) throws Exception {
        resync("cold resync", catalog, integration, settings, mapping, reads);
        int runs = Integer.getInteger("portolan.bench.git.noChangeRuns", 5);
        double[] fastest = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int i = 1; i < runs; i++) fastest = fastest(fastest, resync("no-change resync", catalog, integration, settings, mapping, reads));
        String jfr = System.getProperty("portolan.bench.jfr");
        if (jfr == null) return fastest(fastest, resync("no-change resync", catalog, integration, settings, mapping, reads));
        // -Dportolan.bench.jfr=<file>: a profile of the last no-change resync alone, for `jfr view hot-methods <file>`.
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            double[] last = resync("no-change resync", catalog, integration, settings, mapping, reads);
            recording.stop();
            recording.dump(Path.of(jfr));
            return fastest(fastest, last);
        }
    }

    private static double[] fastest(double[] a, double[] b) {
        return new double[] {Math.min(a[0], b[0]), Math.min(a[1], b[1])};
    }

    /** One resync, printed; returns its wall and CPU seconds. */
    private static double[] resync(String name, CatalogService catalog, GitIntegration integration, Settings settings, Mapping mapping,
                                   AtomicLong reads) throws InterruptedException {
        reads.set(0);
        System.gc();
        HeapSampler heap = HeapSampler.start();
        ResyncContext context = new ResyncContext("git-bench", integration, settings, mapping, new InProcessCatalogClient(catalog, "git-bench"),
                PortolanJqEngine.INSTANCE, Clock.systemUTC(), Duration.ofSeconds(5), 1000, () -> false);
        SyncReport report = new SyncReport(UUID.randomUUID().toString(), "git-bench", "bench", Instant.now());
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        new ResyncRunner(context, WARNINGS, ResyncProgress.NONE).run(report);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peakHeapMb = heap.stop() >> 20;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        long fetched = report.kinds().stream().mapToLong(KindReport::fetchedCount).sum();
        // CPU time is the figure to compare when other processes share the machine: wall time then includes waiting for a core.
        System.out.printf("  %-17s %7.2f s (cpu %6.2f s)  %,9.0f objects/s  peak heap %,5d MB  read from repositories %,d  "
                        + "reconciliation %.2f s  %s%n", name, seconds, cpu, fetched / seconds, peakHeapMb, reads.get(),
                report.reconciliation().durationMillis() / 1e3, report.state().wire());
        for (KindReport k : report.kinds()) {
            System.out.printf("    %-14s fetched %,8d  ingested %,8d  not changed %,8d  fetch %6.2f s  map %6.2f s  ingest %6.2f s%n",
                    k.kindIdentifier(), k.fetchedCount(), k.ingestedCount(), k.notChangedCount(), k.stageSeconds(KindReport.Stage.FETCH),
                    k.stageSeconds(KindReport.Stage.MAP), k.stageSeconds(KindReport.Stage.INGEST));
        }
        return new double[] {seconds, cpu};
    }

    private static final SyncEvents WARNINGS = (level, kind, message) -> {
        if (level == SyncEvents.Level.ERROR || level == SyncEvents.Level.WARN) System.out.println("    " + level + " " + kind + ": " + message);
    };

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
