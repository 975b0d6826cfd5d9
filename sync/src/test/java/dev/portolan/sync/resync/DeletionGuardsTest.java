package dev.portolan.sync.resync;

import dev.portolan.sync.report.KindReport;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule that may stop reconciliation from deleting, on its own. */
class DeletionGuardsTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private static KindReport completed(String kind, int index) {
        KindReport report = new KindReport(kind, index);
        report.fetched(3);
        report.transformed(3);
        return report;
    }

    @Test
    void nothingIsDeletedWhenAFetchFailed() {
        KindReport failed = new KindReport("team", 1);
        failed.fetched(100);
        failed.fetchFailed("connection reset");

        assertThat(DeletionGuards.everyResourceComplete(List.of(completed("repository", 0), failed)))
                .isEqualTo("resource 'team-1' did not complete (fetch failed: connection reset), so the catalog cannot tell what is gone");
    }

    @Test
    void nothingIsDeletedWhenAMappingCouldNotRun() {
        KindReport broken = new KindReport("repository", 0);
        broken.mappingBroken("resources[0]: every object failed to map");

        assertThat(DeletionGuards.everyResourceComplete(List.of(broken)))
                .isEqualTo("resource 'repository-0' did not complete (its mapping could not run), so the catalog cannot tell what is gone");
    }

    @Test
    void singleFailuresDoNotStopDeletion() {
        KindReport some = completed("repository", 0);
        some.mapFailed("one object");
        some.ingestFailed("one entity");

        assertThat(DeletionGuards.everyResourceComplete(List.of(some, completed("team", 1)))).isNull();
    }

    @Test
    void nothingIsDeletedAboveTheDeletionThreshold() {
        assertThat(DeletionGuards.withinDeletionThreshold(91, 100, 0.9))
                .isEqualTo("91 of 100 owned entities (91%) would be deleted, above entityDeletionThreshold 0.90; "
                        + "if that is intended, raise the threshold for one resync");
    }

    @Test
    void theDeletionThresholdItselfIsAllowed() {
        assertThat(DeletionGuards.withinDeletionThreshold(90, 100, 0.9)).isNull();
        assertThat(DeletionGuards.withinDeletionThreshold(100, 100, 1.0)).isNull();
    }

    @Test
    void aZeroThresholdStopsAnyDeletion() {
        assertThat(DeletionGuards.withinDeletionThreshold(1, 1000, 0.0)).startsWith("1 of 1000 owned entities");
        assertThat(DeletionGuards.withinDeletionThreshold(0, 1000, 0.0)).isNull();
    }

    @Test
    void nothingOwnedIsNothingToGuard() {
        assertThat(DeletionGuards.withinDeletionThreshold(0, 0, 0.5)).isNull();
    }

    @Test
    void onlyWhatThisResyncDidNotProduceIsStale() {
        Instant before = START.minusSeconds(60);
        assertThat(DeletionGuards.isStale(false, before, START)).isTrue();
        assertThat(DeletionGuards.isStale(true, before, START)).isFalse();
    }

    @Test
    void whatWasWrittenSinceTheResyncStartedIsNotStale() {
        assertThat(DeletionGuards.isStale(false, START, START)).isFalse();
        assertThat(DeletionGuards.isStale(false, START.plusMillis(1), START)).isFalse();
        assertThat(DeletionGuards.isStale(false, null, START)).isFalse();
    }
}
