package dev.portolan.catalog.integration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.entity.EntityKey;
import dev.portolan.catalog.json.Json;

import java.util.List;

/**
 * One raw object a resync fetched, kept as the source gave it (the first few of each resource),
 * with the entities the mapping made of it: for "Test mapping" and for an entity's provenance.
 *
 * @param resourceIndex the resource's place in the mapping (a kind mapped twice has two)
 * @param position      0-based: the object's place among the resource's fetched objects
 * @param object        the raw object; null when it was larger than the sample limit ({@code omitted} says so)
 * @param omitted       why {@code object} was not kept, or null
 * @param entities      the entities the mapping produced from it in that resync (none when filtered out or failed)
 */
public record SyncSample(String integration, String resyncId, int resourceIndex, String kind, int position,
                         JsonNode object, String omitted, List<EntityKey> entities) {

    /** Characters of JSON a kept object may have: samples stay small whatever a source sends. */
    public static final int MAX_OBJECT_CHARS = 64 * 1024;

    /**
     * The sample of one raw object as it is kept, by a hosted resync or from what a remote
     * integration sends: the object itself, or only a note why not when its JSON has more than
     * {@link #MAX_OBJECT_CHARS} characters.
     */
    public static SyncSample kept(String integration, String resyncId, int resourceIndex, String kind, int position,
                                  JsonNode object, List<EntityKey> entities) {
        int chars = Json.write(object).length();
        if (chars <= MAX_OBJECT_CHARS) return new SyncSample(integration, resyncId, resourceIndex, kind, position, object, null, entities);
        return new SyncSample(integration, resyncId, resourceIndex, kind, position, null,
                "the object has " + chars + " characters of JSON, over the sample limit of " + MAX_OBJECT_CHARS, entities);
    }
}
