package dev.portolan.sync.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A report made of the sync metrics an Ocean integration sends (Port's syncMetrics shape). */
class ReportedMetricsTest {

    private static final Instant START = Instant.parse("2026-01-02T03:00:00Z");

    @Test
    void whatPortSyncMetricsWritesReadsBackAsTheSameCounts() {
        SyncReport original = new SyncReport("r1", "ocean-jira", "remote", START);
        KindReport issues = original.addKind("issue");
        issues.fetched(40);
        issues.transformed(38);
        issues.filteredOut(2);
        issues.ingested(30);
        issues.notChanged(7);
        issues.ingestFailed("properties.status: not in the enum");
        original.addKind("project").fetched(3);
        original.reconciliation().deleted(12);
        original.finish(SyncState.COMPLETED, START.plusSeconds(60), null);

        SyncReport read = ReportedMetrics.report("ocean-jira", "r1", START, entries(original), SyncState.COMPLETED, START.plusSeconds(60), null);

        KindReport kind = read.kinds().getFirst();
        assertThat(kind.kindIdentifier()).isEqualTo("issue-0");
        assertThat(List.of(kind.fetchedCount(), kind.transformedCount(), kind.filteredOutCount(), kind.ingestedCount(),
                kind.notChangedCount(), kind.ingestFailedCount())).containsExactly(40L, 38L, 2L, 30L, 7L, 1L);
        assertThat(read.kinds().get(1).kindIdentifier()).isEqualTo("project-1");
        assertThat(read.reconciliation().deletedCount()).isEqualTo(12);
        assertThat(read.toJson().path("state").asText()).isEqualTo("completed");
    }

    @Test
    void resourcesAreInMappingOrderWhateverOrderTheyArrivedIn() {
        SyncReport original = new SyncReport("r1", "x", "remote", START);
        original.addKind("a").fetched(1);
        original.addKind("b").fetched(2);
        List<JsonNode> reversed = new ArrayList<>(entries(original));
        java.util.Collections.reverse(reversed);

        SyncReport read = ReportedMetrics.report("x", "r1", START, reversed, null, null, null);

        assertThat(read.kinds()).extracting(KindReport::kindIdentifier).containsExactly("a-0", "b-1");
        assertThat(read.state()).isEqualTo(SyncState.SYNCING);
    }

    @Test
    void withoutMetricsTheReportHasStateAndTimesButNoResources() {
        SyncReport read = ReportedMetrics.report("x", "r1", START, List.of(), SyncState.FAILED, START.plusSeconds(5), "it failed");

        assertThat(read.kinds()).isEmpty();
        assertThat(read.toJson().path("failure").asText()).isEqualTo("it failed");
        assertThat(read.toJson().path("tips").size()).isZero(); // no "nothing was fetched" for resources it never reported
    }

    private static List<JsonNode> entries(SyncReport report) {
        List<JsonNode> entries = new ArrayList<>();
        PortSyncMetrics.of(report.toJson(), "jira").path("data").forEach(entries::add);
        return entries;
    }
}
