package dev.portolan.bench.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.bench.BenchDatabases;
import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.entity.JqCalculations;
import dev.portolan.catalog.json.Json;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.integrations.github.testing.FakeGithub;
import dev.portolan.integrations.github.GithubIntegration;
import dev.portolan.integrations.github.testing.GithubObjects;
import dev.portolan.sync.client.InProcessCatalogClient;
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

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The GitHub integration's benchmark: an organization of N repositories with M open pull requests
 * each in the fake GitHub (on loopback, in this JVM; pull requests are made on demand so the fake
 * holds none), resynced into a real database with Port's repository and pull-request mappings —
 * cold, then again with nothing changed — reporting time, peak heap, requests made and how many
 * were answered 304 from the ETag cache.
 *
 * <p>Usage: {@code bench/run github [repositories=5000] [pullsPerRepository=20] [sqlite|postgresql]}.
 */
public final class GithubBenchmark {

    private static final String MAPPING = """
            resources:
              - kind: repository
                selector:
                  query: 'true'
                port:
                  entity:
                    mappings:
                      identifier: .name
                      title: .name
                      blueprint: '"githubRepository"'
                      properties:
                        description: if .description then .description else "" end
                        visibility: if .private then "private" else "public" end
                        defaultBranch: .default_branch
                        url: .html_url
                        language: if .language then .language else "" end
              - kind: pull-request
                selector:
                  query: 'true'
                  states: [open]
                port:
                  entity:
                    mappings:
                      identifier: .head.repo.name + (.id|tostring)
                      title: .title
                      blueprint: '"githubPullRequest"'
                      properties:
                        creator: .user.login
                        assignees: '[.assignees[].login]'
                        reviewers: '[.requested_reviewers[].login]'
                        status: .state
                        createdAt: .created_at
                        updatedAt: .updated_at
                        prNumber: .number
                        link: .html_url
                      relations:
                        repository: .__repository
            """;

    public static void main(String[] args) throws Exception {
        int repositories = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int pullsPerRepository = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String which = args.length > 2 ? args[2] : "sqlite";
        System.out.printf("GitHub resync: %,d repositories x %,d open pull requests = %,d pull requests; max heap %d MB, %d processors%n",
                repositories, pullsPerRepository, (long) repositories * pullsPerRepository, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        try (FakeGithub github = new FakeGithub(Clock.systemUTC())) {
            github.rateLimit(1_000_000_000L, Instant.now().plus(Duration.ofDays(1)));
            List<ObjectNode> repos = new ArrayList<>();
            for (int i = 0; i < repositories; i++) repos.add(github.addRepository("repo-" + i));
            github.generate((repo, list) -> {
                if (!list.equals("pulls")) return null;
                ObjectNode owner = github.repository(repo);
                List<ObjectNode> pulls = new ArrayList<>(pullsPerRepository);
                for (int n = 1; n <= pullsPerRepository; n++) pulls.add(GithubObjects.pull(owner, n, "open", "2026-01-01T00:00:00Z"));
                return pulls;
            });
            repos.clear();
            BenchDatabases.each(which, "portolan_bench_github", (dialect, store) -> run(dialect, store, github));
        }
    }

    private static void run(String dialect, CatalogStore store, FakeGithub github) {
        CatalogService catalog = new CatalogService(store, Clock.systemUTC(), new JqCalculations());
        GithubIntegration integration = new GithubIntegration();
        new InProcessCatalogClient(catalog, "github-bench").createMissingBlueprints(integration.defaults().blueprints());
        Settings settings = integration.settings().parse(Json.object().put("githubHost", github.url()).put("githubToken", FakeGithub.TOKEN)
                .put("githubOrganization", FakeGithub.ORG));
        Mapping mapping = IntegrationManager.mappingParser(integration, settings).parse(MappingParser.readYaml(MAPPING));
        System.out.println("[" + dialect + "]");
        resync("cold resync", catalog, integration, settings, mapping, github);
        resync("no-change resync", catalog, integration, settings, mapping, github);
    }

    private static void resync(String name, CatalogService catalog, GithubIntegration integration, Settings settings, Mapping mapping,
                               FakeGithub github) {
        github.clearRequests();
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        }
        ResyncContext context = new ResyncContext("github-bench", integration, settings, mapping,
                new InProcessCatalogClient(catalog, "github-bench"), PortolanJqEngine.INSTANCE, Clock.systemUTC(), Duration.ofSeconds(5), 1000,
                () -> false);
        SyncReport report = new SyncReport(UUID.randomUUID().toString(), "github-bench", "bench", Instant.now());
        long start = System.nanoTime();
        new ResyncRunner(context, SILENT, ResyncProgress.NONE).run(report);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<FakeGithub.Request> requests = github.requests();
        long notModified = requests.stream().filter(r -> r.status() == 304).count();
        System.out.printf("  %-18s %7.1f s   peak heap %,5d MB   %,7d requests (%,d answered 304)   %s%n", name, seconds, peakHeapMb(),
                requests.size(), notModified, report.state().wire());
        for (KindReport k : report.kinds()) {
            System.out.printf("    %-16s fetched %,8d  ingested %,8d  not changed %,8d  fetch %6.1f s  figures %s%n", k.kindIdentifier(),
                    k.fetchedCount(), k.ingestedCount(), k.notChangedCount(), k.stageSeconds(KindReport.Stage.FETCH), k.fetchFigures());
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak >> 20;
    }

    private static final SyncEvents SILENT = (level, kind, message) -> {
        if (level == SyncEvents.Level.ERROR || level == SyncEvents.Level.WARN) System.out.println("    " + level + " " + kind + ": " + message);
    };
}
