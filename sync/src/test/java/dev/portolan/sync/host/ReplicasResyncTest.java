package dev.portolan.sync.host;

import dev.portolan.catalog.integration.SyncRecord;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import dev.portolan.sync.testing.Gate;
import dev.portolan.sync.testing.SyncHarness;
import dev.portolan.sync.testing.SyncTest;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static dev.portolan.sync.testing.Fixtures.REPOSITORY_MAPPING;
import static dev.portolan.sync.testing.Fixtures.SERVICE;
import static dev.portolan.sync.testing.Fixtures.TEAM;
import static dev.portolan.sync.testing.Fixtures.pages;
import static dev.portolan.sync.testing.Fixtures.repos;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server processes (replicas: each its own store, launcher and scheduler) on one database,
 * coordinating through the resync lease: a scheduled resync runs on one of them; a manual one on
 * either aborts the one running on the other; a lease whose holder died is taken over.
 */
class ReplicasResyncTest {

    private static final String ID = SyncHarness.INTEGRATION;
    /** Renewed every 100 ms of real time; it lapses only when the test moves the shared clock. */
    private static final Duration TTL = Duration.ofMillis(300);

    private static SyncReport finished(ResyncLauncher.Started started) throws Exception {
        return started.done().get(120, TimeUnit.SECONDS);
    }

    /** Waits (bounded) for something another thread does; fails the test if it never happens. */
    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 3_000 && !condition.getAsBoolean(); i++) Thread.sleep(20);
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    @SyncTest
    void aScheduledResyncRunsOnOneReplicaOnly(SyncHarness a) throws Exception {
        try (SyncHarness b = a.replica()) {
            a.leaseTtl(TTL).blueprint(TEAM).blueprint(SERVICE).install(ID, REPOSITORY_MAPPING, 60);
            b.leaseTtl(TTL);
            Gate gateA = new Gate();
            Gate gateB = new Gate();
            a.script("repository", pages(2, repos("r", 4)).blockingAt(1, gateA));
            b.script("repository", pages(2, repos("r", 4)).blockingAt(1, gateB));
            ResyncScheduler schedulerA = new ResyncScheduler(a.installations(), a.launcher(), a.clock());
            ResyncScheduler schedulerB = new ResyncScheduler(b.installations(), b.launcher(), b.clock());
            a.clock().advance(Duration.ofMinutes(60));

            int started = 0;
            for (int round = 0; round < 3; round++) {
                started += schedulerA.tick() + schedulerB.tick();
            }
            assertThat(b.launcher().startIfFree(ID, "schedule", () -> true)).as("the lease is held").isEmpty();
            assertThat(a.launcher().startIfFree(ID, "schedule", () -> true)).as("the lease is held").isEmpty();
            gateA.open();
            gateB.open();

            assertThat(started).isEqualTo(1);
            List<SyncRecord> reports = a.installations().awaitFinishedReports(ID, 1);
            assertThat(reports).singleElement().satisfies(r -> {
                assertThat(r.state()).isEqualTo("completed");
                assertThat(r.report().path("trigger").asText()).isEqualTo("schedule");
            });
            eventually("the resync has stopped", () -> a.launcher().running(ID).isEmpty() && b.launcher().running(ID).isEmpty());
            assertThat(a.launcher().leases().find(ID)).as("released when it finished").isEmpty();
            assertThat(schedulerB.tick() + schedulerA.tick()).as("not due again on either").isZero();
        }
    }

    @SyncTest
    void aManualResyncOnOneReplicaAbortsTheOneRunningOnTheOther(SyncHarness a) throws Exception {
        try (SyncHarness b = a.replica()) {
            a.leaseTtl(TTL).blueprint(TEAM).blueprint(SERVICE).install(ID, REPOSITORY_MAPPING, 0);
            b.leaseTtl(TTL);
            Gate gate = new Gate();
            a.script("repository", pages(2, repos("r", 4)).blockingAt(1, gate));
            b.script("repository", pages(2, repos("r", 4)));
            ResyncLauncher.Started onA = a.launcher().start(ID, "manual");
            gate.awaitReached();

            ResyncLauncher.Started onB = b.launcher().start(ID, "manual");
            eventually("the resync on A is asked to stop", () -> a.integration().lastContext("repository").cancelled().getAsBoolean());
            gate.open();

            SyncReport aborted = finished(onA);
            SyncReport next = finished(onB);
            assertThat(aborted.state()).isEqualTo(SyncState.ABORTED);
            assertThat(aborted.toJson().path("failure").asText()).contains("a newer resync of '" + ID + "' started");
            assertThat(aborted.reconciliation().deletedCount()).isZero();
            assertThat(next.state()).isEqualTo(SyncState.COMPLETED);
            assertThat(next.startedAt()).isNotNull();
            assertThat(a.installations().report(ID, onA.resyncId())).get().extracting(SyncRecord::state).isEqualTo("aborted");
            assertThat(a.installations().report(ID, onB.resyncId())).get().extracting(SyncRecord::state).isEqualTo("completed");
            assertThat(b.launcher().leases().find(ID)).isEmpty();
            assertThat(a.identifiers("service")).containsExactly("r0", "r1", "r2", "r3");
        }
    }

    @SyncTest
    void aReplicaTakesOverTheLeaseOfOneThatDiedAndMarksItsResyncAborted(SyncHarness a) throws Exception {
        try (SyncHarness b = a.replica()) {
            a.leaseTtl(TTL).blueprint(TEAM).blueprint(SERVICE).install(ID, REPOSITORY_MAPPING, 60);
            b.leaseTtl(TTL);
            b.script("repository", pages(2, repos("r", 3)));
            // A replica that took the lease, saved its running report, and died: nobody renews the lease.
            StoreResyncLeases dead = new StoreResyncLeases(a.store(), "dead-replica");
            assertThat(dead.take(ID, "crashed-1", a.clock().instant(), a.clock().instant().plus(TTL))).isTrue();
            a.installations().saveReport(ResyncRecoveryTest.running(ID, "crashed-1", a.clock().instant()));
            ResyncScheduler schedulerB = new ResyncScheduler(b.installations(), b.launcher(), b.clock());

            assertThat(schedulerB.recover()).as("its lease is still live").isEmpty();
            assertThat(b.launcher().startIfFree(ID, "schedule", () -> true)).isEmpty();
            a.clock().advance(TTL);

            assertThat(schedulerB.recover()).containsExactly(ID);

            SyncRecord crashed = a.installations().report(ID, "crashed-1").orElseThrow();
            assertThat(crashed.state()).isEqualTo("aborted");
            assertThat(crashed.report().path("failure").asText()).contains("interrupted");
            List<SyncRecord> after = a.installations().awaitFinishedReports(ID, 2);
            Optional<SyncRecord> restarted = after.stream().filter(r -> !r.resyncId().equals("crashed-1")).findFirst();
            assertThat(restarted).get().satisfies(r -> {
                assertThat(r.state()).isEqualTo("completed");
                assertThat(r.report().path("trigger").asText()).isEqualTo("recovery");
            });
            assertThat(a.identifiers("service")).containsExactly("r0", "r1", "r2");
        }
    }
}
