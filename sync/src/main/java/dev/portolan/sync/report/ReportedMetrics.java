package dev.portolan.sync.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link SyncReport} made of what an integration that runs elsewhere reported: its resync state,
 * and the sync metrics current Ocean sends per resource, in the shape {@link PortSyncMetrics}
 * writes ({@code {kindIdentifier, kind, kindIndex, metrics: {phase: {extract: {object_count_type:
 * {raw_extracted: {object_count}}}, ...}}}}); {@code __reconciliation__} carries the deletions.
 * Ocean 0.12 sends no metrics: its report then has no resources, only state and times.
 */
public final class ReportedMetrics {

    private ReportedMetrics() {}

    /**
     * @param metrics one entry per kind identifier, as last reported
     * @param end     null while it runs
     */
    public static SyncReport report(String integration, String resyncId, Instant startedAt, List<JsonNode> metrics,
                                    SyncState end, Instant finishedAt, String failure) {
        SyncReport report = new SyncReport(resyncId, integration, "remote", startedAt);
        List<JsonNode> resources = new ArrayList<>();
        for (JsonNode entry : metrics) {
            String kindIdentifier = entry.path("kindIdentifier").asText();
            if (kindIdentifier.equals("__reconciliation__")) reconciliation(report.reconciliation(), entry.path("metrics"));
            else if (!kindIdentifier.equals("__runtime__") && !kindIdentifier.isEmpty()) resources.add(entry);
        }
        resources.sort(Comparator.comparingInt(e -> e.path("kindIndex").asInt()));
        for (JsonNode entry : resources) {
            JsonNode m = entry.path("metrics");
            KindReport kind = report.addKind(entry.path("kind").asText(kindOf(entry.path("kindIdentifier").asText())));
            kind.reported(count(m, "extract", "raw_extracted"), count(m, "transform", "transformed"),
                    count(m, "transform", "filtered_out"), count(m, "transform", "failed"), count(m, "load", "loaded"),
                    count(m, "load", "skipped"), count(m, "load", "failed"));
            kind.finished(Math.round(m.path("phase").path("resync").path("duration_seconds").asDouble() * 1000));
        }
        if (end != null) report.finish(end, finishedAt, failure);
        return report;
    }

    private static void reconciliation(ReconciliationReport reconciliation, JsonNode m) {
        reconciliation.deleted((int) count(m, "delete", "deleted"));
        reconciliation.deleteFailed((int) count(m, "delete", "failed"));
        reconciliation.finished(Math.round(m.path("phase").path("resync").path("duration_seconds").asDouble() * 1000));
    }

    /** {@code phase.<phase>.object_count_type.<type>.object_count}, 0 when absent. */
    static long count(JsonNode metrics, String phase, String type) {
        return Math.round(metrics.path("phase").path(phase).path("object_count_type").path(type).path("object_count").asDouble());
    }

    /** Port's kind identifier is {@code "{kind}-{index}"}. */
    private static String kindOf(String kindIdentifier) {
        int dash = kindIdentifier.lastIndexOf('-');
        return dash > 0 ? kindIdentifier.substring(0, dash) : kindIdentifier;
    }
}
