package dev.portolan.sync.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.entity.EntityKey;
import dev.portolan.catalog.integration.SyncSample;
import dev.portolan.catalog.json.Json;

import java.util.ArrayList;
import java.util.List;

/** The JSON of a {@link SyncSample}, as {@code GET /v1/integration/{id}/samples} shows it and a remote integration sends it. */
public final class SyncSampleJson {

    private SyncSampleJson() {}

    public static ObjectNode write(SyncSample sample) {
        ObjectNode json = Json.object();
        json.put("resyncId", sample.resyncId());
        json.put("kind", sample.kind());
        json.put("kindIdentifier", sample.kind() + "-" + sample.resourceIndex());
        json.put("resourceIndex", sample.resourceIndex());
        json.put("position", sample.position());
        json.set("object", sample.object() == null ? Json.MAPPER.nullNode() : sample.object());
        if (sample.omitted() != null) json.put("omitted", sample.omitted());
        ArrayNode entities = json.putArray("entities");
        sample.entities().forEach(k -> entities.addObject().put("blueprint", k.blueprint()).put("identifier", k.identifier()));
        return json;
    }

    /** @throws IllegalArgumentException when a member is missing or of the wrong type */
    public static SyncSample read(String integration, String resyncId, JsonNode json) {
        if (!json.path("kind").isTextual() || !json.path("resourceIndex").canConvertToInt() || !json.path("position").canConvertToInt()) {
            throw new IllegalArgumentException("a sample needs kind (string), resourceIndex and position (numbers)");
        }
        List<EntityKey> entities = new ArrayList<>();
        for (JsonNode key : json.path("entities")) {
            entities.add(new EntityKey(key.path("blueprint").asText(), key.path("identifier").asText()));
        }
        JsonNode object = json.get("object");
        return new SyncSample(integration, resyncId, json.get("resourceIndex").asInt(), json.get("kind").asText(),
                json.get("position").asInt(), object == null || object.isNull() ? null : object,
                json.path("omitted").isTextual() ? json.get("omitted").asText() : null, entities);
    }
}
