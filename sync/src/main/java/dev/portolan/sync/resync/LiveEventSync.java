package dev.portolan.sync.resync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.sync.client.IngestOptions;
import dev.portolan.sync.mapper.EntityMapper;
import dev.portolan.sync.mapper.MappedEntity;
import dev.portolan.sync.mapper.MappingResult;
import dev.portolan.sync.mapping.ResourceMapping;
import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.spi.LiveChange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies one live event's change to one resource: the objects to upsert go through the resource's
 * mapping and are upserted exactly as a resync would (same mapper, same ingester); the objects to
 * delete are mapped too, and the entities they would give are deleted. Nothing is reconciled.
 */
public final class LiveEventSync {

    /** What one change did, for the event log and metrics. */
    public record Outcome(long upserted, long notChanged, long deleted, long filteredOut, long failed, List<String> errors) {}

    private final ResyncContext context;

    public LiveEventSync(ResyncContext context) {
        this.context = context;
    }

    /**
     * @param index the resource's place in the mapping, for its path in error messages
     */
    public Outcome apply(int index, ResourceMapping resource, LiveChange change) {
        EntityMapper mapper = new EntityMapper("resources[" + index + "]", resource, context.jq(), context.jqTimeout());
        KindReport counts = new KindReport(resource.kind(), index);
        IngestOptions options = new IngestOptions(context.mapping().enableMergeEntity(), context.mapping().createMissingRelatedEntities());
        try (EntityIngester ingester = new EntityIngester(context.client(), options, context.batchSize(), new ProducedKeys(),
                new RetryQueue(), counts)) {
            for (JsonNode object : change.upserts()) {
                MappingResult result = mapper.map(object);
                if (result.filteredOut()) counts.filteredOut(1);
                result.failures().forEach(f -> counts.mapFailed(f.toString()));
                result.entities().forEach(ingester::accept);
            }
            ingester.flushAll();
        }
        long deleted = delete(mapper, change.deletes(), counts);
        List<String> errors = new ArrayList<>(counts.mapErrors());
        errors.addAll(counts.ingestErrors());
        return new Outcome(counts.ingestedCount(), counts.notChangedCount(), deleted, counts.filteredOutCount(),
                counts.mapFailedCount() + counts.ingestFailedCount(), errors);
    }

    private long delete(EntityMapper mapper, List<JsonNode> objects, KindReport counts) {
        Map<String, List<String>> byBlueprint = new LinkedHashMap<>();
        for (JsonNode object : objects) {
            MappingResult result = mapper.map(object);
            result.failures().forEach(f -> counts.mapFailed(f.toString()));
            for (MappedEntity entity : result.entities()) {
                if (entity.identifier() != null) byBlueprint.computeIfAbsent(entity.blueprint(), b -> new ArrayList<>()).add(entity.identifier());
            }
        }
        long deleted = 0;
        for (var entry : byBlueprint.entrySet()) {
            deleted += context.client().delete(entry.getKey(), entry.getValue(), context.mapping().deleteDependentEntities()).deleted();
        }
        return deleted;
    }
}
