package dev.portolan.sync.resync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.integration.SyncSample;
import dev.portolan.sync.mapper.MappingResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The first {@link #KEPT} raw objects one resource of a resync fetched, as the source gave them,
 * each with the entities the mapping made of it ("Test mapping" runs on them; an entity's
 * provenance shows the one that produced it). An object over {@link SyncSample#MAX_OBJECT_CHARS} of JSON
 * is not kept, only noted, so samples stay small whatever the source sends. Used by the resource's one thread.
 */
public final class ResourceSamples {

    /** Raw objects kept per resource and resync, by hosted resyncs and of a remote integration's examples alike. */
    public static final int KEPT = 10;

    private final String integration;
    private final String resyncId;
    private final int resourceIndex;
    private final String kind;
    private final List<SyncSample> samples = new ArrayList<>(KEPT);

    public ResourceSamples(String integration, String resyncId, int resourceIndex, String kind) {
        this.integration = integration;
        this.resyncId = resyncId;
        this.resourceIndex = resourceIndex;
        this.kind = kind;
    }

    /** Whether the next object is still to be kept. */
    boolean wantsMore() {
        return samples.size() < KEPT;
    }

    void keep(JsonNode object, MappingResult result) {
        if (!wantsMore()) return;
        samples.add(SyncSample.kept(integration, resyncId, resourceIndex, kind, samples.size(), object, result.keys()));
    }

    public List<SyncSample> samples() {
        return List.copyOf(samples);
    }
}
