package dev.portolan.sync.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The counters of a resync's reconciliation: the ingestion retry and the deletion of stale
 * entities, and why deletion was skipped when a guard stopped it.
 */
public final class ReconciliationReport {

    private long reingested;
    private long reingestFailed;
    private long deleted;
    private long deleteFailed;
    private String deletionSkipped;
    private long durationMillis;

    public synchronized void reingested(int entities) {
        reingested += entities;
    }

    public synchronized void reingestFailed(int entities) {
        reingestFailed += entities;
    }

    public synchronized void deleted(int entities) {
        deleted += entities;
    }

    public synchronized void deleteFailed(int entities) {
        deleteFailed += entities;
    }

    /** A guard stopped deletion; {@code reason} says which, in words for the user. */
    public synchronized void deletionSkipped(String reason) {
        deletionSkipped = reason;
    }

    public synchronized void finished(long millis) {
        durationMillis = millis;
    }

    public synchronized long reingestedCount() { return reingested; }
    public synchronized long reingestFailedCount() { return reingestFailed; }
    public synchronized long deletedCount() { return deleted; }
    public synchronized long deleteFailedCount() { return deleteFailed; }
    public synchronized String deletionSkippedReason() { return deletionSkipped; }
    public synchronized long durationMillis() { return durationMillis; }

    public synchronized ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("kindIdentifier", "__reconciliation__");
        json.putObject("ingestRetry").put("reingested", reingested).put("failed", reingestFailed);
        ObjectNode delete = json.putObject("delete").put("deleted", deleted).put("failed", deleteFailed);
        if (deletionSkipped != null) delete.put("skipped", deletionSkipped);
        json.put("durationSeconds", durationMillis / 1000.0);
        return json;
    }
}
