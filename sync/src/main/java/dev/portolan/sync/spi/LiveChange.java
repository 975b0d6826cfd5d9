package dev.portolan.sync.spi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * What one live event changes for one resource: raw objects to upsert and raw objects whose
 * entities go (found by mapping them as a resync would).
 */
public record LiveChange(List<JsonNode> upserts, List<JsonNode> deletes) {

    public static final LiveChange NONE = new LiveChange(List.of(), List.of());

    public LiveChange {
        upserts = List.copyOf(upserts);
        deletes = List.copyOf(deletes);
    }

    public static LiveChange upsert(JsonNode object) {
        return new LiveChange(List.of(object), List.of());
    }

    public static LiveChange delete(JsonNode object) {
        return new LiveChange(List.of(), List.of(object));
    }

    public boolean isEmpty() {
        return upserts.isEmpty() && deletes.isEmpty();
    }
}
