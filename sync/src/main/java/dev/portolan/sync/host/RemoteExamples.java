package dev.portolan.sync.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.integration.RemoteState;
import dev.portolan.catalog.integration.SyncSample;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.jq.JqEngine;
import dev.portolan.sync.mapper.EntityMapper;
import dev.portolan.sync.mapping.ResourceMapping;
import dev.portolan.sync.resync.ResourceSamples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw-data examples an Ocean integration posts while it resyncs
 * ({@code POST /v1/integration/{id}/kinds/{kind}/examples}), kept as the samples of its current
 * resync, where a hosted resync keeps its own: the mapping editor's "Test mapping" and
 * {@code GET .../samples} show them alike. Bounded as a hosted resync's samples are: at most
 * {@link ResourceSamples#KEPT} objects per kind and resync (later ones are not kept: Ocean sends the
 * first few of each resource), each at most {@link SyncSample#MAX_OBJECT_CHARS} of JSON (a larger one
 * is noted, not kept), and only the latest {@link InstallationRepository#KEPT_SAMPLED_RESYNCS}
 * resyncs' samples. Each kept object is mapped with the resource's mapping, as a hosted resync's
 * sample is, so that it lists the entities made of it (an entity's provenance finds it by them).
 * Thread-safe; two posts for one kind at once may keep a few objects fewer.
 */
public final class RemoteExamples {

    /** Per jq expression while mapping an example: as long as a mapping test may take. */
    private static final Duration JQ_TIMEOUT = Duration.ofSeconds(2);

    private final IntegrationManager manager;
    private final RemoteIntegrations remotes;
    private final InstallationRepository repository;
    private final JqEngine jq;

    public RemoteExamples(IntegrationManager manager, RemoteIntegrations remotes, InstallationRepository repository, JqEngine jq) {
        this.manager = manager;
        this.remotes = remotes;
        this.repository = repository;
        this.jq = jq;
    }

    /**
     * Keeps examples of one kind under the current resync and the kind's first resource in the
     * mapping (Ocean does not say which resource of a kind mapped twice sent them; its objects are
     * the same kind, so they serve any of its resources as test input).
     *
     * @param examples the raw objects, as Ocean sends them (an array of JSON objects)
     * @return how many were kept (0 once the kind has {@link ResourceSamples#KEPT})
     * @throws CatalogException 404 no such integration, 409 it runs here or never reported a resync,
     *                          422 an example is not an object or the kind is not in its mapping
     */
    public int keep(String identifier, String kind, JsonNode examples) {
        Installation installation = manager.get(identifier);
        if (!installation.remote()) {
            throw CatalogException.conflict("not_remote", "Integration '" + identifier + "' runs in this server; it keeps samples by itself");
        }
        checkObjects(examples);
        List<ResourceMapping> resources = manager.mapping(identifier).resources();
        int resourceIndex = firstResourceOf(resources, identifier, kind);
        EntityMapper mapper = new EntityMapper("resources[" + resourceIndex + "]", resources.get(resourceIndex), jq, JQ_TIMEOUT);
        String resyncId = remotes.state(identifier).map(RemoteState::currentResyncId).orElseThrow(() -> CatalogException.conflict(
                "no_resync", "Integration '" + identifier + "' reported no resync yet (PATCH .../resync-state {\"status\": \"running\"}); "
                        + "examples are kept with the resync that fetched them"));
        int position = repository.samples(identifier, resyncId, resourceIndex).size();
        List<SyncSample> kept = new ArrayList<>();
        for (JsonNode object : examples) {
            if (position >= ResourceSamples.KEPT) break;
            kept.add(SyncSample.kept(identifier, resyncId, resourceIndex, kind, position++, object, mapper.map(object).keys()));
        }
        repository.saveSamples(kept);
        return kept.size();
    }

    /** Every element must be a JSON object (a raw item); all that are not are named at once. */
    private static void checkObjects(JsonNode examples) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            JsonNode example = examples.get(i);
            if (!example.isObject()) violations.add(new Violation("examples[" + i + "]", "must be an object (a raw item), got " + Json.typeName(example)));
        }
        if (!violations.isEmpty()) throw CatalogException.invalid("invalid_examples", "The body", violations);
    }

    private static int firstResourceOf(List<ResourceMapping> resources, String identifier, String kind) {
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i).kind().equals(kind)) return i;
        }
        List<String> kinds = resources.stream().map(ResourceMapping::kind).distinct().toList();
        throw CatalogException.invalid("invalid_examples", "The request", List.of(new Violation("kind",
                "'" + kind + "' is not a kind in the mapping of integration '" + identifier + "'; its kinds: "
                        + (kinds.isEmpty() ? "none (the mapping has no resources)" : String.join(", ", kinds)))));
    }
}
