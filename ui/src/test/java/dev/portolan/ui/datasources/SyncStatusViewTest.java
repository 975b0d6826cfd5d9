package dev.portolan.ui.datasources;

import dev.portolan.catalog.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyncStatusViewTest {

    private static final String REPORT = """
            {"resyncId": "r1", "integration": "files", "trigger": "manual", "state": "completed",
             "startedAt": "2026-01-01T10:00:00Z", "finishedAt": "2026-01-01T10:00:02.500Z",
             "kinds": [
               {"kind": "service", "kindIdentifier": "service-0", "complete": true, "durationSeconds": 1.2,
                "fetch": {"fetched": 10, "failed": 0, "durationSeconds": 0.5},
                "map": {"transformed": 4, "filteredOut": 6, "failed": 0, "errors": []},
                "ingest": {"ingested": 4, "created": 3, "updated": 1, "notChanged": 0, "failed": 0, "errors": []}},
               {"kind": "service", "kindIdentifier": "service-1", "complete": false,
                "fetch": {"fetched": 0, "failed": 1, "error": "401"}, "map": {}, "ingest": {}}],
             "reconciliation": {"ingestRetry": {"reingested": 0, "failed": 0}, "delete": {"deleted": 2, "failed": 0, "skipped": "a fetch failed"}},
             "tips": ["'service-1': fetching failed", "Deletion skipped"],
             "troubleshooting": [
               {"kindIdentifier": "service-1", "stage": "fetch", "message": "fetching failed (401)"},
               {"kindIdentifier": null, "stage": "reconciliation", "message": "Deletion skipped"}]}""";

    @Test
    void showsEveryResourceInMappingOrderWithItsTipsAtTheirStage() {
        SyncStatusView view = SyncStatusView.of(Json.parse(REPORT));

        assertThat(view.resources()).extracting(SyncStatusView.ResourceStatus::kindIdentifier).containsExactly("service-0", "service-1");
        assertThat(view.resources().get(1).fetchTips()).containsExactly("fetching failed (401)");
        assertThat(view.resources().get(0).fetchTips()).isEmpty();
        assertThat(view.resources().get(1).complete()).isFalse();
        assertThat(view.reconciliation().tips()).containsExactly("Deletion skipped");
        assertThat(view.tips()).isEmpty();
        assertThat(view.duration()).isEqualTo("2.5 s");
        assertThat(view.createdCount()).isEqualTo(3);
        assertThat(view.updatedCount()).isEqualTo(1);
        assertThat(view.failedCount()).isEqualTo(1);
    }

    @Test
    void aReportWithoutPlacedTipsShowsThemAllAtTheTop() {
        var report = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(REPORT);
        report.remove("troubleshooting");

        SyncStatusView view = SyncStatusView.of(report);

        assertThat(view.tips()).containsExactly("'service-1': fetching failed", "Deletion skipped");
        assertThat(view.resources().get(1).fetchTips()).isEmpty();
    }

    @Test
    void theResourceARunningResyncIsAtIsMarkedRunning() {
        var report = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(REPORT);
        report.put("state", "syncing");
        report.remove("finishedAt");

        SyncStatusView view = SyncStatusView.of(report);

        assertThat(view.resources()).extracting(SyncStatusView.ResourceStatus::running).containsExactly(false, true);
        assertThat(view.duration()).isNull();
    }

    @Test
    void aRemoteResyncThatReportedNoCountersSaysSoInsteadOfZeros() {
        String remote = """
                {"resyncId": "r2", "integration": "ocean", "trigger": "remote", "state": "completed",
                 "startedAt": "2026-01-01T10:00:00Z", "finishedAt": "2026-01-01T10:01:00Z", "kinds": [],
                 "reconciliation": {"ingestRetry": {"reingested": 0, "failed": 0}, "delete": {"deleted": 0, "failed": 0}},
                 "reported": []}""";

        assertThat(SyncStatusView.of(Json.parse(remote)).countersReported()).isFalse();
        assertThat(SyncStatusView.of(Json.parse(remote.replace("\"reported\": []",
                "\"reported\": [{\"kindIdentifier\": \"__reconciliation__\", \"metrics\": {}}]"))).countersReported()).isTrue();
        assertThat(SyncStatusView.of(Json.parse(REPORT)).countersReported()).isTrue();
    }
}
