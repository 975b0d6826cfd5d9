package dev.portolan.ui.datasources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.ui.web.Words;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Sync Status of one resync, read from its report JSON (running or stored): per resource in
 * mapping order (a kind mapped twice appears twice) the fetch, map and ingest counters and
 * durations; the reconciliation; the state and times; each troubleshooting tip next to the
 * stage it concerns.
 *
 * @param tips             tips that concern no resource's stage (reports written before tips named their stage)
 * @param countersReported false for a resync of an integration that runs elsewhere and reported its state
 *                         but no counters (Ocean 0.12 sends none): its zeros then mean "not reported", not "nothing"
 */
public record SyncStatusView(String integration, String resyncId, String state, String trigger, String startedAt, String finishedAt,
                             String duration, String failure, List<ResourceStatus> resources, Reconciliation reconciliation,
                             List<String> tips, boolean countersReported) {

    /** One resource of the mapping. {@code running}: the resync is at this resource now. {@code tips*}: the tips of that stage. */
    public record ResourceStatus(String kindIdentifier, String kind, int index, boolean running, boolean complete, String duration,
                                 long fetched, long fetchFailed, String fetchDuration, String fetchError, List<String> fetchTips,
                                 long transformed, long filteredOut, long mapFailed, String mapDuration, List<String> mapErrors,
                                 List<String> mapTips,
                                 long ingested, long created, long updated, long notChanged, long ingestFailed, String ingestDuration,
                                 List<String> ingestErrors, List<String> ingestTips) {}

    public record Reconciliation(long reingested, long reingestFailed, long deleted, long deleteFailed, String deletionSkipped,
                                 String duration, List<String> tips) {}

    public boolean syncing() {
        return "syncing".equals(state);
    }

    public static SyncStatusView of(JsonNode report) {
        List<ResourceStatus> resources = new ArrayList<>();
        JsonNode placed = report.path("troubleshooting");
        int index = 0;
        boolean syncing = "syncing".equals(report.path("state").asText());
        int count = report.path("kinds").size();
        for (JsonNode k : report.path("kinds")) {
            String id = k.path("kindIdentifier").asText();
            JsonNode fetch = k.path("fetch");
            JsonNode map = k.path("map");
            JsonNode ingest = k.path("ingest");
            boolean running = syncing && index == count - 1;
            resources.add(new ResourceStatus(id, k.path("kind").asText(), index++, running, k.path("complete").asBoolean(true),
                    seconds(k.path("durationSeconds")),
                    fetch.path("fetched").asLong(), fetch.path("failed").asLong(), seconds(fetch.path("durationSeconds")),
                    fetch.path("error").asText(null), tips(placed, id, "fetch"),
                    map.path("transformed").asLong(), map.path("filteredOut").asLong(), map.path("failed").asLong(),
                    seconds(map.path("durationSeconds")), texts(map.path("errors")), tips(placed, id, "map"),
                    ingest.path("ingested").asLong(), ingest.path("created").asLong(), ingest.path("updated").asLong(),
                    ingest.path("notChanged").asLong(), ingest.path("failed").asLong(), seconds(ingest.path("durationSeconds")),
                    texts(ingest.path("errors")), tips(placed, id, "ingest")));
        }
        JsonNode r = report.path("reconciliation");
        Reconciliation reconciliation = new Reconciliation(r.path("ingestRetry").path("reingested").asLong(),
                r.path("ingestRetry").path("failed").asLong(), r.path("delete").path("deleted").asLong(),
                r.path("delete").path("failed").asLong(), r.path("delete").path("skipped").asText(null),
                seconds(r.path("durationSeconds")), tips(placed, null, "reconciliation"));
        List<String> general = placed.isArray() && !placed.isEmpty() ? List.of() : texts(report.path("tips"));
        String started = report.path("startedAt").asText(null);
        String finished = report.path("finishedAt").asText(null);
        return new SyncStatusView(report.path("integration").asText(), report.path("resyncId").asText(), report.path("state").asText(),
                report.path("trigger").asText(null), started, finished, duration(started, finished), report.path("failure").asText(null),
                resources, reconciliation, general, !REMOTE_TRIGGER.equals(report.path("trigger").asText()) || !report.path("reported").isEmpty());
    }

    /** The trigger of a resync made of what a remote integration reported (its metrics, when it sends any, are under {@code reported}). */
    private static final String REMOTE_TRIGGER = "remote";

    /** Entities created, updated and deleted by this resync (the History's summary). */
    public long createdCount() {
        return resources.stream().mapToLong(ResourceStatus::created).sum();
    }

    public long updatedCount() {
        return resources.stream().mapToLong(ResourceStatus::updated).sum();
    }

    public long failedCount() {
        return resources.stream().mapToLong(r -> r.fetchFailed() + r.mapFailed() + r.ingestFailed()).sum() + reconciliation.reingestFailed();
    }

    private static List<String> tips(JsonNode placed, String kindIdentifier, String stage) {
        List<String> tips = new ArrayList<>();
        for (JsonNode tip : placed) {
            boolean sameKind = kindIdentifier == null ? tip.path("kindIdentifier").isNull() || tip.path("kindIdentifier").isMissingNode()
                    : kindIdentifier.equals(tip.path("kindIdentifier").asText());
            if (sameKind && stage.equals(tip.path("stage").asText())) tips.add(tip.path("message").asText());
        }
        return tips;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    private static String seconds(JsonNode value) {
        return value.isNumber() ? Words.duration(Duration.ofMillis(Math.round(value.asDouble() * 1000))) : "";
    }

    private static String duration(String started, String finished) {
        if (started == null || finished == null) return null;
        return Words.duration(Duration.between(Instant.parse(started), Instant.parse(finished)));
    }
}
