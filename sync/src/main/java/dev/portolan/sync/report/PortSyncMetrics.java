package dev.portolan.sync.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stored sync report ({@link SyncReport#toJson()}) in the shape of Port's
 * {@code GET /v1/integration/{id}/syncMetrics}: one entry per {@code kindIdentifier} with
 * {@code metrics.phase.{resync,extract,transform,load,delete}}, and reconciliation as the entry
 * {@code __reconciliation__} ({@code load/loaded} = reingested, {@code delete/deleted} = deleted).
 */
public final class PortSyncMetrics {

    private PortSyncMetrics() {}

    public static ObjectNode of(JsonNode report, String integrationType) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("ok", true);
        ArrayNode data = response.putArray("data");
        String state = report.path("state").asText();
        int index = 0;
        for (JsonNode kind : report.path("kinds")) {
            ObjectNode entry = entry(data, report, integrationType, kind.path("kindIdentifier").asText(), kind.path("kind").asText(), index++, state);
            ObjectNode phase = entry.putObject("metrics").putObject("phase");
            boolean ok = kind.path("complete").asBoolean() && kind.path("ingest").path("failed").asLong() == 0;
            phase.putObject("resync").put("duration_seconds", kind.path("durationSeconds").asDouble()).put("success", ok ? 1 : 0);
            counts(phase, "extract", "raw_extracted", kind.path("fetch").path("fetched").asLong(), "failed", kind.path("fetch").path("failed").asLong());
            counts(phase, "transform", "transformed", kind.path("map").path("transformed").asLong(),
                    "filtered_out", kind.path("map").path("filteredOut").asLong(), "failed", kind.path("map").path("failed").asLong());
            counts(phase, "load", "loaded", kind.path("ingest").path("ingested").asLong(),
                    "skipped", kind.path("ingest").path("notChanged").asLong(), "failed", kind.path("ingest").path("failed").asLong());
            counts(phase, "delete", "deleted", 0, "failed", 0);
        }
        JsonNode reconciliation = report.path("reconciliation");
        ObjectNode entry = entry(data, report, integrationType, "__reconciliation__", "__reconciliation__", -1, state);
        ObjectNode phase = entry.putObject("metrics").putObject("phase");
        boolean skipped = reconciliation.path("delete").has("skipped");
        phase.putObject("resync").put("duration_seconds", reconciliation.path("durationSeconds").asDouble())
                .put("success", skipped || reconciliation.path("delete").path("failed").asLong() > 0 ? 0 : 1);
        counts(phase, "load", "loaded", reconciliation.path("ingestRetry").path("reingested").asLong(),
                "failed", reconciliation.path("ingestRetry").path("failed").asLong());
        counts(phase, "delete", "deleted", reconciliation.path("delete").path("deleted").asLong(),
                "failed", reconciliation.path("delete").path("failed").asLong());
        response.put("count", data.size());
        return response;
    }

    private static ObjectNode entry(ArrayNode data, JsonNode report, String type, String kindIdentifier, String kind, int index, String state) {
        ObjectNode entry = data.addObject();
        entry.put("integrationType", type);
        entry.put("integrationIdentifier", report.path("integration").asText());
        entry.put("integrationVersion", "0.1.0");
        entry.put("oceanVersion", "portolan-0.1.0");
        entry.put("kindIdentifier", kindIdentifier);
        entry.put("kind", kind);
        entry.put("kindIndex", index);
        entry.put("eventId", report.path("resyncId").asText());
        entry.put("syncState", state);
        return entry;
    }

    /** {@code phase.<name>.object_count_type.<type>.object_count} for pairs of (type, count). */
    private static void counts(ObjectNode phase, String name, Object... typeAndCount) {
        ObjectNode types = phase.putObject(name).putObject("object_count_type");
        for (int i = 0; i < typeAndCount.length; i += 2) {
            types.putObject((String) typeAndCount[i]).put("object_count", (Long) toLong(typeAndCount[i + 1]));
        }
    }

    private static Long toLong(Object value) {
        return ((Number) value).longValue();
    }
}
