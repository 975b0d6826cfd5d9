package dev.portolan.sync.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The measured result of one resync: a {@link KindReport} per resource in mapping order (a kind
 * mapped twice appears twice), the reconciliation, and troubleshooting tips derived from the
 * counters. Written by the resync's thread, read as {@link #toJson()} snapshots.
 */
public final class SyncReport {

    private final String resyncId;
    private final String integration;
    private final String trigger;
    private final Instant startedAt;
    private final List<KindReport> kinds = new ArrayList<>();
    private final ReconciliationReport reconciliation = new ReconciliationReport();
    private SyncState state = SyncState.SYNCING;
    private Instant finishedAt;
    private String failure;

    public SyncReport(String resyncId, String integration, String trigger, Instant startedAt) {
        this.resyncId = resyncId;
        this.integration = integration;
        this.trigger = trigger;
        this.startedAt = startedAt;
    }

    public synchronized KindReport addKind(String kind) {
        KindReport report = new KindReport(kind, kinds.size());
        kinds.add(report);
        return report;
    }

    public synchronized List<KindReport> kinds() {
        return List.copyOf(kinds);
    }

    public ReconciliationReport reconciliation() {
        return reconciliation;
    }

    public String resyncId() {
        return resyncId;
    }

    public String integration() {
        return integration;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public synchronized SyncState state() {
        return state;
    }

    public synchronized Instant finishedAt() {
        return finishedAt;
    }

    /** Ends the report; {@code failure} says why when the state is failed or aborted. */
    public synchronized void finish(SyncState end, Instant at, String failure) {
        this.state = end;
        this.finishedAt = at;
        this.failure = failure;
    }

    public synchronized ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("resyncId", resyncId);
        json.put("integration", integration);
        json.put("trigger", trigger);
        json.put("state", state.wire());
        json.put("startedAt", startedAt.toString());
        if (finishedAt != null) json.put("finishedAt", finishedAt.toString());
        if (failure != null) json.put("failure", failure);
        ArrayNode kindArray = json.putArray("kinds");
        kinds.forEach(k -> kindArray.add(k.toJson()));
        json.set("reconciliation", reconciliation.toJson());
        ArrayNode tips = json.putArray("tips");
        ArrayNode placed = json.putArray("troubleshooting");
        for (TroubleshootingTip tip : TroubleshootingTips.placed(this)) {
            tips.add(tip.text());
            placed.addObject().put("kindIdentifier", tip.kindIdentifier()).put("stage", tip.stage()).put("message", tip.message());
        }
        return json;
    }
}
