package dev.portolan.sync.host;

import dev.portolan.catalog.integration.SyncEvent;
import dev.portolan.catalog.integration.SyncRecord;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import dev.portolan.sync.testing.Gate;
import dev.portolan.sync.testing.KindScript;
import dev.portolan.sync.testing.SyncHarness;
import dev.portolan.sync.testing.SyncTest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.portolan.sync.testing.Fixtures.REPOSITORY_MAPPING;
import static dev.portolan.sync.testing.Fixtures.SERVICE;
import static dev.portolan.sync.testing.Fixtures.TEAM;
import static dev.portolan.sync.testing.Fixtures.pages;
import static dev.portolan.sync.testing.Fixtures.repos;
import static org.assertj.core.api.Assertions.assertThat;

/** Resyncs in the background: one at a time per installation, a new one aborting the running one. */
class ResyncLauncherTest {

    private static final String ID = SyncHarness.INTEGRATION;
    private static final String ALLOW_ALL_DELETIONS = "entityDeletionThreshold: 1\n" + REPOSITORY_MAPPING;

    private static SyncReport finished(ResyncLauncher.Started started) throws Exception {
        return started.done().get(60, TimeUnit.SECONDS);
    }

    /** Ten services written by an earlier resync of the installation. */
    private static void installWithTenServices(SyncHarness sync) throws Exception {
        sync.blueprint(TEAM).blueprint(SERVICE).install(ID, ALLOW_ALL_DELETIONS, 0);
        sync.script("repository", pages(4, repos("r", 10)));
        assertThat(finished(sync.launcher().start(ID, "install")).state()).isEqualTo(SyncState.COMPLETED);
        assertThat(sync.count("service")).isEqualTo(10);
        sync.clock().advance(Duration.ofSeconds(1));
    }

    @SyncTest
    void abortsTheRunningResyncWhenANewOneStarts(SyncHarness sync) throws Exception {
        installWithTenServices(sync);
        Gate gate = new Gate();
        sync.script("repository", pages(2, repos("r", 4)).blockingAt(1, gate));
        ResyncLauncher.Started first = sync.launcher().start(ID, "manual");
        gate.awaitReached();
        // The next resync finds the source down, so it deletes nothing either.
        sync.script("repository", pages(2, repos("r", 4)).failingAt(0, "source down"));

        ResyncLauncher.Started second = sync.launcher().start(ID, "manual");
        gate.open();

        SyncReport aborted = finished(first);
        SyncReport next = finished(second);
        assertThat(aborted.state()).isEqualTo(SyncState.ABORTED);
        assertThat(aborted.toJson().path("failure").asText()).contains("a newer resync of '" + ID + "' started");
        assertThat(aborted.reconciliation().deletedCount()).isZero();
        assertThat(next.state()).isEqualTo(SyncState.FAILED);
        assertThat(sync.count("service")).as("nothing deleted by either").isEqualTo(10);
        assertThat(sync.installations().report(ID, first.resyncId())).get().extracting(SyncRecord::state).isEqualTo("aborted");
        assertThat(sync.installations().report(ID, second.resyncId())).get().extracting(SyncRecord::state).isEqualTo("failed");
        assertThat(sync.launcher().running(ID)).isEmpty();
    }

    @SyncTest
    void runsTheNewResyncOnceTheAbortedOneHasStopped(SyncHarness sync) throws Exception {
        installWithTenServices(sync);
        Gate gate = new Gate();
        sync.script("repository", pages(2, repos("r", 4)).blockingAt(1, gate));
        ResyncLauncher.Started first = sync.launcher().start(ID, "manual");
        gate.awaitReached();

        ResyncLauncher.Started second = sync.launcher().start(ID, "manual");
        gate.open();

        assertThat(finished(first).state()).isEqualTo(SyncState.ABORTED);
        SyncReport next = finished(second);
        assertThat(next.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(next.kinds().getFirst().fetchedCount()).isEqualTo(4);
        assertThat(next.reconciliation().deletedCount()).isEqualTo(6);
        assertThat(sync.identifiers("service")).containsExactly("r0", "r1", "r2", "r3");
    }

    @SyncTest
    void savesTheRunningReportAfterEachResource(SyncHarness sync) throws Exception {
        sync.blueprint(TEAM).blueprint(SERVICE).install(ID, REPOSITORY_MAPPING + """
                  - kind: team
                    port:
                      entity:
                        mappings:
                          identifier: .name
                          blueprint: '"team"'
                """, 0);
        Gate gate = new Gate();
        sync.script("repository", pages(2, repos("r", 3))).script("team", KindScript.objects("{\"name\": \"core\"}").blockingAt(0, gate));

        ResyncLauncher.Started started = sync.launcher().start(ID, "manual");
        gate.awaitReached();

        SyncRecord running = sync.installations().report(ID, started.resyncId()).orElseThrow();
        assertThat(running.state()).isEqualTo("syncing");
        assertThat(running.finishedAt()).isNull();
        assertThat(running.report().path("kinds").get(0).path("fetch").path("fetched").asInt()).isEqualTo(3);
        assertThat(sync.launcher().running(ID)).get().extracting(SyncReport::resyncId).isEqualTo(started.resyncId());
        gate.open();
        SyncReport done = finished(started);
        assertThat(done.state()).isEqualTo(SyncState.COMPLETED);
        SyncRecord stored = sync.installations().report(ID, started.resyncId()).orElseThrow();
        assertThat(stored.state()).isEqualTo("completed");
        assertThat(stored.report().path("kinds").size()).isEqualTo(2);
        assertThat(stored.report().path("trigger").asText()).isEqualTo("manual");
    }

    @SyncTest
    void keepsAnEventLogOfEachResync(SyncHarness sync) throws Exception {
        sync.blueprint(TEAM).blueprint(SERVICE).install(ID, REPOSITORY_MAPPING, 0);
        sync.script("repository", pages(2, repos("r", 3)).failingAt(1, "rate limited"));

        ResyncLauncher.Started started = sync.launcher().start(ID, "manual");
        finished(started);

        List<SyncEvent> events = sync.installations().events(ID, started.resyncId(), 100);
        assertThat(events).extracting(SyncEvent::level).contains("INFO", "ERROR");
        assertThat(events).filteredOn(e -> "ERROR".equals(e.level())).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("repository-0");
            assertThat(e.message()).contains("fetch failed", "rate limited");
        });
        assertThat(events).filteredOn(e -> "WARN".equals(e.level()))
                .anySatisfy(e -> assertThat(e.message()).startsWith("deletion skipped: resource 'repository-0' did not complete"));
    }

    @SyncTest
    void abortsAQueuedResyncBeforeItStartsWhenANewerOneComes(SyncHarness sync) throws Exception {
        installWithTenServices(sync);
        Gate gate = new Gate();
        sync.script("repository", pages(2, repos("r", 10)).blockingAt(1, gate));
        ResyncLauncher.Started running = sync.launcher().start(ID, "manual");
        gate.awaitReached();

        ResyncLauncher.Started queued = sync.launcher().start(ID, "manual");
        ResyncLauncher.Started newest = sync.launcher().start(ID, "schedule");
        gate.open();

        assertThat(finished(running).state()).isEqualTo(SyncState.ABORTED);
        SyncReport skipped = finished(queued);
        assertThat(skipped.state()).isEqualTo(SyncState.ABORTED);
        assertThat(skipped.kinds()).isEmpty();
        assertThat(skipped.toJson().path("failure").asText()).isEqualTo("a newer resync started before this one could");
        SyncReport last = finished(newest);
        assertThat(last.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(last.kinds().getFirst().notChangedCount()).isEqualTo(10);
        assertThat(sync.installations().reports(ID, 10)).extracting(SyncRecord::state)
                .containsExactlyInAnyOrder("completed", "aborted", "aborted", "completed");
    }

    @SyncTest
    void keepsTheFirstMappingAndIngestErrorsInTheEventLog(SyncHarness sync) throws Exception {
        sync.blueprint(TEAM).blueprint(SERVICE).install(ID, REPOSITORY_MAPPING.replace("identifier: .name", "identifier: .name | ascii_downcase"), 0);
        sync.script("repository", KindScript.objects("{\"name\": 5}", "{\"name\": \"ok\", \"stars\": \"many\"}"));

        ResyncLauncher.Started started = sync.launcher().start(ID, "manual");
        finished(started);

        List<SyncEvent> events = sync.installations().events(ID, started.resyncId(), 100);
        assertThat(events).filteredOn(e -> "repository-0".equals(e.kind())).extracting(SyncEvent::message)
                .anySatisfy(m -> assertThat(m).contains("resources[0].port.entity.mappings.identifier", "input must be a string"))
                .anySatisfy(m -> assertThat(m).contains("service/ok", "properties.stars"));
    }

    @SyncTest
    void runsResyncsOfDifferentInstallationsSideBySide(SyncHarness sync) throws Exception {
        sync.blueprint(TEAM).blueprint(SERVICE).install("services", REPOSITORY_MAPPING, 0);
        sync.install("teams", """
                resources:
                  - kind: team
                    port: {entity: {mappings: {identifier: .name, blueprint: '"team"'}}}
                """, 0);
        sync.script("repository", pages(100, repos("r", 2_000)))
                .script("team", KindScript.generated(2_000, 100, i -> SyncHarness.json("{\"name\": \"t" + i + "\"}")));

        ResyncLauncher.Started services = sync.launcher().start("services", "manual");
        ResyncLauncher.Started teams = sync.launcher().start("teams", "manual");

        SyncReport servicesReport = finished(services);
        SyncReport teamsReport = finished(teams);
        assertThat(servicesReport.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(teamsReport.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(servicesReport.kinds().getFirst().ingestedCount()).isEqualTo(2_000);
        assertThat(teamsReport.kinds().getFirst().ingestedCount()).isEqualTo(2_000);
        assertThat(sync.count("service")).isEqualTo(2_000);
        assertThat(sync.count("team")).isEqualTo(2_000);
    }
}
