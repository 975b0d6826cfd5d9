package dev.portolan.sync.host;

import dev.portolan.catalog.integration.SyncEvent;
import dev.portolan.catalog.integration.SyncRecord;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import dev.portolan.sync.testing.Gate;
import dev.portolan.sync.testing.SyncHarness;
import dev.portolan.sync.testing.SyncTest;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.portolan.sync.testing.Fixtures.REPOSITORY_MAPPING;
import static dev.portolan.sync.testing.Fixtures.SERVICE;
import static dev.portolan.sync.testing.Fixtures.TEAM;
import static dev.portolan.sync.testing.Fixtures.pages;
import static dev.portolan.sync.testing.Fixtures.repos;
import static org.assertj.core.api.Assertions.assertThat;

/** After a crash: resyncs left {@code syncing} become {@code aborted} with the reason, and scheduled ones start again. */
class ResyncRecoveryTest {

    /** The report of a resync that was running when its process died. */
    static SyncRecord running(String integration, String resyncId, Instant startedAt) {
        SyncReport report = new SyncReport(resyncId, integration, "schedule", startedAt);
        report.addKind("repository").fetched(3);
        return new SyncRecord(integration, resyncId, SyncState.SYNCING.wire(), startedAt, null, report.toJson());
    }

    @SyncTest
    void aResyncLeftSyncingByACrashIsMarkedAbortedWithTheReasonAndAScheduledOneStartsAgain(SyncHarness sync) throws Exception {
        sync.blueprint(TEAM).blueprint(SERVICE).install("hourly", REPOSITORY_MAPPING, 60);
        sync.install("manual-only", REPOSITORY_MAPPING, 0);
        sync.script("repository", pages(2, repos("r", 3)));
        sync.installations().saveReport(running("hourly", "crashed-1", sync.clock().instant()));
        sync.installations().saveReport(running("manual-only", "crashed-2", sync.clock().instant()));
        ResyncScheduler scheduler = new ResyncScheduler(sync.installations(), sync.launcher(), sync.clock());

        List<String> recovered = scheduler.recover();

        assertThat(recovered).containsExactlyInAnyOrder("hourly", "manual-only");
        for (String[] crashed : new String[][] {{"hourly", "crashed-1"}, {"manual-only", "crashed-2"}}) {
            SyncRecord record = sync.installations().report(crashed[0], crashed[1]).orElseThrow();
            assertThat(record.state()).isEqualTo("aborted");
            assertThat(record.finishedAt()).isNotNull();
            assertThat(record.report().path("state").asText()).isEqualTo("aborted");
            assertThat(record.report().path("failure").asText()).contains("interrupted").contains("crash");
            assertThat(record.report().path("kinds").get(0).path("fetch").path("fetched").asInt()).as("what it had reported stays").isEqualTo(3);
            assertThat(sync.installations().events(crashed[0], crashed[1], 10)).extracting(SyncEvent::message)
                    .anySatisfy(m -> assertThat(m).contains("interrupted"));
        }
        List<SyncRecord> hourly = sync.installations().awaitFinishedReports("hourly", 2);
        assertThat(hourly).filteredOn(r -> !r.resyncId().equals("crashed-1")).singleElement().satisfies(r -> {
            assertThat(r.report().path("trigger").asText()).isEqualTo("recovery");
            assertThat(r.state()).isEqualTo("completed");
        });
        assertThat(sync.installations().reports("manual-only", 10)).as("no schedule: no new resync").hasSize(1);
        assertThat(scheduler.recover()).as("nothing left to recover").isEmpty();
    }

    @SyncTest
    void aResyncRunningInThisProcessIsLeftAlone(SyncHarness sync) throws Exception {
        sync.blueprint(TEAM).blueprint(SERVICE).install("busy", REPOSITORY_MAPPING, 60);
        Gate gate = new Gate();
        sync.script("repository", pages(2, repos("r", 4)).blockingAt(1, gate));
        ResyncLauncher.Started started = sync.launcher().start("busy", "manual");
        gate.awaitReached();
        ResyncScheduler scheduler = new ResyncScheduler(sync.installations(), sync.launcher(), sync.clock());

        assertThat(scheduler.recover()).isEmpty();
        gate.open();

        assertThat(started.done().get(120, TimeUnit.SECONDS).state()).isEqualTo(SyncState.COMPLETED);
        assertThat(sync.installations().report("busy", started.resyncId()).orElseThrow().state()).isEqualTo("completed");
    }
}
