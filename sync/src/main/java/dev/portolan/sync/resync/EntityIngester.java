package dev.portolan.sync.resync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.sync.client.CatalogApiException;
import dev.portolan.sync.client.CatalogClient;
import dev.portolan.sync.client.IngestOptions;
import dev.portolan.sync.client.IngestResult;
import dev.portolan.sync.mapper.MappedEntity;
import dev.portolan.sync.report.KindReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ingest stage of one resource: buffers mapped entities per blueprint and upserts them in
 * batches through the {@link CatalogClient}, counting ingested / not changed / failed, remembering
 * every produced key for reconciliation, and queueing entities that failed only for a missing
 * related entity for the retry. Search-query identifiers and relations are resolved to
 * identifiers just before the write. Batches are written by a {@link BatchWriter} while the next
 * ones are mapped; counting happens as each batch is written. Called by one resource's thread;
 * {@link #close()} when the resource ends, however it ends.
 */
final class EntityIngester implements AutoCloseable {

    private final CatalogClient client;
    private final IngestOptions options;
    private final int batchSize;
    private final ProducedKeys produced;
    private final RetryQueue retries;
    private final KindReport report;
    private final Map<String, List<ObjectNode>> buffers = new LinkedHashMap<>();
    private final BatchWriter writer;

    EntityIngester(CatalogClient client, IngestOptions options, int batchSize, ProducedKeys produced,
                   RetryQueue retries, KindReport report) {
        this.writer = new BatchWriter("portolan-ingest-" + report.kindIdentifier());
        this.client = client;
        this.options = options;
        this.batchSize = batchSize;
        this.produced = produced;
        this.retries = retries;
        this.report = report;
    }

    void accept(MappedEntity mapped) {
        // A search query must see every entity this resource produced before it, as it did when
        // batches were written one after the other: wait for the batches on their way.
        if (hasSearchQuery(mapped.entity())) writer.awaitWritten();
        List<ObjectNode> resolved = resolveSearchIdentifier(mapped);
        for (ObjectNode entity : resolved) {
            produced.add(mapped.blueprint(), entity.get("identifier").asText());
            if (!resolveSearchRelations(mapped.blueprint(), entity)) continue;
            List<ObjectNode> buffer = buffers.computeIfAbsent(mapped.blueprint(), b -> new ArrayList<>(batchSize));
            buffer.add(entity);
            if (buffer.size() >= batchSize) flush(mapped.blueprint());
        }
    }

    /** Writes what is buffered and waits until every batch is written (and counted). */
    void flushAll() {
        new ArrayList<>(buffers.keySet()).forEach(this::flush);
        writer.awaitWritten();
    }

    /** Drops what is buffered or queued and waits for the batch being written, if any. */
    @Override
    public void close() {
        buffers.clear();
        writer.close();
    }

    private void flush(String blueprint) {
        List<ObjectNode> batch = buffers.remove(blueprint);
        if (batch == null || batch.isEmpty()) return;
        writer.submit(() -> write(blueprint, batch));
    }

    /** On the writer's thread: one batch upserted and counted. */
    private void write(String blueprint, List<ObjectNode> batch) {
        long start = System.nanoTime();
        List<IngestResult> results = client.upsert(blueprint, batch, options);
        report.spent(KindReport.Stage.INGEST, System.nanoTime() - start);
        int ingested = 0;
        int created = 0;
        int unchanged = 0;
        for (int i = 0; i < results.size(); i++) {
            IngestResult result = results.get(i);
            switch (result.status()) {
                case CREATED -> {
                    ingested++;
                    created++;
                }
                case UPDATED -> ingested++;
                case UNCHANGED -> unchanged++;
                case FAILED -> {
                    report.ingestFailed(blueprint + "/" + result.identifier() + ": " + result.error());
                    if (result.missingRelatedEntity() && !options.createMissingRelatedEntities()) {
                        retries.add(blueprint, batch.get(i));
                    }
                }
            }
        }
        report.ingested(ingested, created);
        report.notChanged(unchanged);
    }

    /** An identifier given as a search query stands for every entity it matches (none: a failure). */
    private List<ObjectNode> resolveSearchIdentifier(MappedEntity mapped) {
        JsonNode identifier = mapped.entity().get("identifier");
        if (!identifier.isObject()) return List.of(mapped.entity());
        List<String> matches;
        try {
            matches = client.findIdentifiers(mapped.blueprint(), identifier, 1000);
        } catch (RuntimeException e) {
            if (!refusedQuery(e)) throw e;
            report.ingestFailed(mapped.blueprint() + ": the identifier query " + identifier + " was refused: " + e.getMessage());
            return List.of();
        }
        if (matches.isEmpty()) {
            report.ingestFailed(mapped.blueprint() + ": no entity matches the identifier query " + identifier);
            return List.of();
        }
        List<ObjectNode> entities = new ArrayList<>(matches.size());
        for (String match : matches) {
            ObjectNode copy = mapped.entity().deepCopy();
            copy.put("identifier", match);
            entities.add(copy);
        }
        return entities;
    }

    /**
     * A relation given as a search query becomes the matching identifier (or identifiers).
     *
     * @return false when the catalog refused a query (the entity then fails alone)
     */
    private boolean resolveSearchRelations(String blueprint, ObjectNode entity) {
        JsonNode relations = entity.get("relations");
        if (!(relations instanceof ObjectNode object)) return true;
        for (String name : iterable(object)) {
            JsonNode value = object.get(name);
            if (!value.isObject()) continue;
            // The relation's target blueprint is the catalog's knowledge, not the mapping's: search all.
            List<String> matches;
            try {
                matches = client.findIdentifiers(null, value, 100);
            } catch (RuntimeException e) {
                if (!refusedQuery(e)) throw e;
                report.ingestFailed(blueprint + "/" + entity.path("identifier").asText() + ": the query of relation '" + name
                        + "' was refused: " + e.getMessage());
                return false;
            }
            if (matches.size() == 1) {
                object.put(name, matches.getFirst());
            } else if (matches.isEmpty()) {
                object.putNull(name);
            } else {
                ArrayNode array = object.putArray(name);
                matches.forEach(array::add);
            }
        }
        return true;
    }

    private static boolean hasSearchQuery(ObjectNode entity) {
        if (entity.path("identifier").isObject()) return true;
        if (!(entity.get("relations") instanceof ObjectNode relations)) return false;
        for (JsonNode value : relations) {
            if (value.isObject()) return true;
        }
        return false;
    }

    /** The catalog refused a query this object's values made (a 4xx), as opposed to being unreachable or broken. */
    private static boolean refusedQuery(RuntimeException e) {
        return e instanceof CatalogException || e instanceof CatalogApiException api && api.status() >= 400 && api.status() < 500 && !api.retriable();
    }

    private static List<String> iterable(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
