package dev.portolan.sync.metrics;

import dev.portolan.sync.host.ResyncLauncher;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.testing.KindScript;
import dev.portolan.sync.testing.SyncHarness;
import dev.portolan.sync.testing.SyncTest;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.concurrent.TimeUnit;

import static dev.portolan.sync.testing.Fixtures.REPOSITORY_MAPPING;
import static dev.portolan.sync.testing.Fixtures.SERVICE;
import static dev.portolan.sync.testing.Fixtures.TEAM;
import static dev.portolan.sync.testing.Fixtures.pages;
import static dev.portolan.sync.testing.Fixtures.repo;
import static dev.portolan.sync.testing.Fixtures.repos;
import static org.assertj.core.api.Assertions.assertThat;

/** The Prometheus metrics of sync reports: Ocean's names, the documented labels, the pseudo-kinds. */
class SyncMetricsTest {

    private static final String MAPPING = "entityDeletionThreshold: 1\n" + REPOSITORY_MAPPING.replace("query: 'true'", "query: .archived == false");

    private static String line(String name, String labels, double value) {
        return name + "{" + labels + "} " + value;
    }

    @SyncTest
    void publishesEveryCounterOfTheLatestResync(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", pages(2, repos("r", 4)));
        sync.resync(MAPPING);
        sync.script("repository", pages(2, repo("r0"), repo("r1", 7), repo("x").put("archived", true), repo("bad").put("stars", "many")));
        SyncReport report = sync.resync(MAPPING);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        new SyncMetrics(registry).publish(report);

        String scrape = registry.scrape();
        String kind = "integration=\"scripted-1\",kind=\"repository-0\"";
        assertThat(scrape).contains(
                line("object_count", kind + ",object_count_type=\"raw_extracted\",phase=\"extract\"", 4),
                line("object_count", kind + ",object_count_type=\"failed\",phase=\"extract\"", 0),
                line("object_count", kind + ",object_count_type=\"transformed\",phase=\"transform\"", 3),
                line("object_count", kind + ",object_count_type=\"filtered_out\",phase=\"transform\"", 1),
                line("object_count", kind + ",object_count_type=\"failed\",phase=\"transform\"", 0),
                line("object_count", kind + ",object_count_type=\"loaded\",phase=\"load\"", 1),
                line("object_count", kind + ",object_count_type=\"skipped\",phase=\"load\"", 1),
                line("object_count", kind + ",object_count_type=\"failed\",phase=\"load\"", 1),
                line("success", kind + ",phase=\"extract\"", 1),
                line("success", kind + ",phase=\"load\"", 0));
        String reconciliation = "integration=\"scripted-1\",kind=\"__reconciliation__\"";
        assertThat(scrape).contains(
                line("object_count", reconciliation + ",object_count_type=\"deleted\",phase=\"delete\"", 2),
                line("object_count", reconciliation + ",object_count_type=\"loaded\",phase=\"load\"", 0),
                line("success", reconciliation + ",phase=\"delete\"", 1),
                line("success", "integration=\"scripted-1\",kind=\"__runtime__\",phase=\"resync\"", 1));
        assertThat(scrape).contains("duration_seconds{" + kind + ",phase=\"resync\"}",
                "duration_seconds{" + reconciliation + ",phase=\"resync\"}",
                "duration_seconds{integration=\"scripted-1\",kind=\"__runtime__\",phase=\"resync\"}");
        assertThat(scrape).contains("# TYPE object_count gauge", "# TYPE duration_seconds gauge", "# TYPE success gauge");
    }

    @SyncTest
    void replacesTheValuesWithThoseOfTheNextResync(SyncHarness sync) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SyncMetrics metrics = new SyncMetrics(registry);
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", pages(2, repos("r", 5)));
        metrics.publish(sync.resync(MAPPING));
        sync.script("repository", KindScript.empty().failingAt(0, "down"));

        metrics.publish(sync.resync(MAPPING));

        String scrape = registry.scrape();
        String kind = "integration=\"scripted-1\",kind=\"repository-0\"";
        assertThat(scrape).contains(
                line("object_count", kind + ",object_count_type=\"raw_extracted\",phase=\"extract\"", 0),
                line("object_count", kind + ",object_count_type=\"failed\",phase=\"extract\"", 1),
                line("object_count", kind + ",object_count_type=\"loaded\",phase=\"load\"", 0),
                line("success", kind + ",phase=\"extract\"", 0),
                line("success", "integration=\"scripted-1\",kind=\"__reconciliation__\",phase=\"delete\"", 0),
                line("success", "integration=\"scripted-1\",kind=\"__runtime__\",phase=\"resync\"", 0));
        assertThat(scrape.lines().filter(l -> l.startsWith("object_count{" + kind + ",object_count_type=\"raw_extracted\"")))
                .as("one series per label set").hasSize(1);
    }

    @SyncTest
    void keepsEachIntegrationsSeriesApart(SyncHarness sync) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SyncMetrics metrics = new SyncMetrics(registry);
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", pages(2, repos("r", 2)));

        metrics.publish(sync.resync("one", MAPPING));
        metrics.publish(sync.resync("two", MAPPING));

        assertThat(registry.scrape()).contains(
                line("object_count", "integration=\"one\",kind=\"repository-0\",object_count_type=\"loaded\",phase=\"load\"", 2),
                line("object_count", "integration=\"one\",kind=\"repository-0\",object_count_type=\"skipped\",phase=\"load\"", 0),
                // "two" takes the entities over from "one": a change of owner is a write.
                line("object_count", "integration=\"two\",kind=\"repository-0\",object_count_type=\"loaded\",phase=\"load\"", 2));
    }

    @SyncTest
    void isPublishedByTheLauncherForEveryResync(SyncHarness sync) throws Exception {
        sync.blueprint(TEAM).blueprint(SERVICE).install(SyncHarness.INTEGRATION, MAPPING, 0);
        sync.script("repository", pages(2, repos("r", 3)));

        ResyncLauncher.Started started = sync.launcher().start(SyncHarness.INTEGRATION, "manual");
        started.done().get(60, TimeUnit.SECONDS);

        assertThat(sync.meters().scrape()).contains(
                line("object_count", "integration=\"scripted-1\",kind=\"repository-0\",object_count_type=\"raw_extracted\",phase=\"extract\"", 3),
                line("success", "integration=\"scripted-1\",kind=\"__runtime__\",phase=\"resync\"", 1));
    }

    @SyncTest
    void dropsTheSeriesOfResourcesTheMappingNoLongerHas(SyncHarness sync) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SyncMetrics metrics = new SyncMetrics(registry);
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", pages(2, repos("r", 2)))
                .script("team", KindScript.objects("{\"name\": \"core\"}"));
        metrics.publish(sync.resync(MAPPING + """
                  - kind: team
                    port: {entity: {mappings: {identifier: .name, blueprint: '"team"'}}}
                """));
        metrics.publish(sync.resync("other", MAPPING));
        assertThat(registry.scrape()).contains("kind=\"team-1\"");

        metrics.publish(sync.resync(MAPPING));

        String scrape = registry.scrape();
        assertThat(scrape).doesNotContain("integration=\"scripted-1\",kind=\"team-1\"");
        assertThat(scrape).contains(
                line("object_count", "integration=\"scripted-1\",kind=\"repository-0\",object_count_type=\"raw_extracted\",phase=\"extract\"", 2),
                line("object_count", "integration=\"other\",kind=\"repository-0\",object_count_type=\"raw_extracted\",phase=\"extract\"", 2),
                "integration=\"scripted-1\",kind=\"__reconciliation__\"");
    }
}
