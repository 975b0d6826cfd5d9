package dev.portolan.sync.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.integration.SyncRecord;
import dev.portolan.sync.mapping.MappingParser;
import dev.portolan.sync.testing.SyncHarness;
import dev.portolan.sync.testing.SyncTest;

import java.time.Duration;
import java.util.List;

import static dev.portolan.sync.testing.Fixtures.REPOSITORY_MAPPING;
import static dev.portolan.sync.testing.Fixtures.SERVICE;
import static dev.portolan.sync.testing.Fixtures.TEAM;
import static dev.portolan.sync.testing.Fixtures.pages;
import static dev.portolan.sync.testing.Fixtures.repos;
import static org.assertj.core.api.Assertions.assertThat;

/** The schedule, driven by {@link ResyncScheduler#tick()} on a clock the test moves. */
class ResyncSchedulerTest {

    @SyncTest
    void startsAResyncEachTimeTheIntervalHasPassed(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).install("hourly", REPOSITORY_MAPPING, 60);
        sync.script("repository", pages(2, repos("r", 3)));
        ResyncScheduler scheduler = new ResyncScheduler(sync.installations(), sync.launcher(), sync.clock());

        assertThat(scheduler.tick()).as("just installed").isZero();
        sync.clock().advance(Duration.ofMinutes(59));
        assertThat(scheduler.tick()).isZero();
        sync.clock().advance(Duration.ofMinutes(1));
        assertThat(scheduler.tick()).isEqualTo(1);
        List<SyncRecord> first = sync.installations().awaitFinishedReports("hourly", 1);
        assertThat(scheduler.tick()).as("not due again yet").isZero();
        sync.clock().advance(Duration.ofMinutes(30));
        assertThat(scheduler.tick()).isZero();
        sync.clock().advance(Duration.ofMinutes(30));
        assertThat(scheduler.tick()).isEqualTo(1);
        List<SyncRecord> both = sync.installations().awaitFinishedReports("hourly", 2);

        assertThat(first).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo("completed");
            assertThat(r.report().path("trigger").asText()).isEqualTo("schedule");
        });
        assertThat(both).hasSize(2).allSatisfy(r -> assertThat(r.report().path("trigger").asText()).isEqualTo("schedule"));
        assertThat(sync.identifiers("service")).containsExactly("r0", "r1", "r2");
    }

    @SyncTest
    void leavesInstallationsWithoutAScheduleAlone(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).install("manual-only", REPOSITORY_MAPPING, 0);
        sync.install("daily", REPOSITORY_MAPPING, 24 * 60);
        ResyncScheduler scheduler = new ResyncScheduler(sync.installations(), sync.launcher(), sync.clock());

        sync.clock().advance(Duration.ofHours(23));
        assertThat(scheduler.tick()).isZero();
        sync.clock().advance(Duration.ofHours(1));
        assertThat(scheduler.tick()).as("daily only").isEqualTo(1);
        sync.installations().awaitFinishedReports("daily", 1);

        assertThat(sync.installations().reports("manual-only", 10)).isEmpty();
    }

    @SyncTest
    void startsTheOthersWhenOneInstallationCannotStart(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).install("b-fine", REPOSITORY_MAPPING, 60);
        // Stored before its integration dropped the kind: its mapping no longer parses.
        Installation fine = sync.installations().find("b-fine").orElseThrow();
        sync.installations().save(new Installation("a-broken", fine.type(), "a-broken", fine.settings(),
                (ObjectNode) MappingParser.readYaml("resources:\n  - kind: gone\n"), 60, false, fine.createdAt(), fine.updatedAt()));
        ResyncScheduler scheduler = new ResyncScheduler(sync.installations(), sync.launcher(), sync.clock());
        sync.clock().advance(Duration.ofMinutes(60));

        int started = scheduler.tick();

        assertThat(started).isEqualTo(1);
        assertThat(sync.installations().awaitFinishedReports("b-fine", 1)).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo("completed"));
        assertThat(sync.installations().reports("a-broken", 10)).isEmpty();
    }
}
