package dev.portolan.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.Actor;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.entity.EntityKey;
import dev.portolan.catalog.entity.OwnedEntry;
import dev.portolan.catalog.entity.StoredHashes;
import dev.portolan.catalog.json.Json;
import dev.portolan.catalog.integration.ResyncOrigin;
import dev.portolan.catalog.entity.UpsertOutcome;
import dev.portolan.catalog.entity.WriteOptions;
import dev.portolan.catalog.search.Query;
import dev.portolan.catalog.search.QueryParser;
import dev.portolan.catalog.search.SearchPage;
import dev.portolan.catalog.search.SearchRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The catalog client of integrations hosted in the server: direct calls into
 * {@link CatalogService}, as the integration ({@link Actor#integration}), so what it writes is
 * owned by it and audited with it as origin.
 *
 * <p>A resync's upserts (those with a {@link ResyncOrigin}) compare with the content hashes of the
 * integration's entities, read once when the resync's first batch arrives ({@link StoredHashes}):
 * an unchanged entity then costs no database read and no write. The table lives as long as this
 * client, which the host makes for one resync; a later resync id reads it again.
 */
public final class InProcessCatalogClient implements CatalogClient {

    private final CatalogService catalog;
    private final Actor actor;
    /** The resync whose content hashes {@link #hashes} holds (guarded by this). */
    private String hashesResync;
    private StoredHashes hashes;

    public InProcessCatalogClient(CatalogService catalog, String integration) {
        this.catalog = catalog;
        this.actor = Actor.integration(integration);
    }

    @Override
    public List<String> createMissingBlueprints(List<ObjectNode> blueprints) {
        List<ObjectNode> missing = new ArrayList<>();
        for (ObjectNode blueprint : blueprints) {
            try {
                catalog.blueprints().get(blueprint.path("identifier").asText());
            } catch (CatalogException e) {
                if (e.problem() != CatalogException.Problem.NOT_FOUND) throw e;
                missing.add(blueprint);
            }
        }
        // Relations may point at each other: create every blueprint bare first, then complete them.
        for (ObjectNode blueprint : missing) {
            ObjectNode bare = blueprint.deepCopy();
            bare.remove(List.of("relations", "mirrorProperties", "calculationProperties", "aggregationProperties"));
            catalog.blueprints().create(bare, actor);
        }
        for (ObjectNode blueprint : missing) {
            catalog.blueprints().replace(blueprint.path("identifier").asText(), blueprint, actor);
        }
        return missing.stream().map(b -> b.path("identifier").asText()).toList();
    }

    @Override
    public List<IngestResult> upsert(String blueprint, List<ObjectNode> entities, IngestOptions options) {
        WriteOptions write = new WriteOptions(true, options.merge(), options.createMissingRelatedEntities(), false);
        List<JsonNode> bodies = new ArrayList<>(entities);
        List<IngestResult> results = new ArrayList<>(entities.size());
        try {
            for (UpsertOutcome outcome : catalog.entities().upsert(blueprint, bodies, write, as(options.origin()),
                    storedHashes(options.origin()))) {
                results.add(result(outcome));
            }
        } catch (CatalogException e) {
            // The whole batch was refused (its blueprint does not exist): every entity failed for it.
            for (ObjectNode entity : entities) {
                results.add(new IngestResult(entity.path("identifier").asText(), IngestResult.Status.FAILED, false, e.getMessage()));
            }
        }
        return results;
    }

    /** The content hashes of this integration's entities for the resync of {@code origin}; null outside a resync. */
    private synchronized StoredHashes storedHashes(ResyncOrigin origin) {
        if (origin == null) return null;
        if (!origin.resyncId().equals(hashesResync)) {
            hashes = null; // the previous resync's table goes before the next one is read
            hashes = catalog.entities().storedHashes(actor.datasource());
            hashesResync = origin.resyncId();
        }
        return hashes;
    }

    /**
     * Answered from the table of content hashes read at the resync's first write: what the integration
     * owned then, plus what the resync wrote since, less what it deleted. An entity last written before
     * the resync started that it still owns was owned then, so it is in the table.
     */
    @Override
    public synchronized boolean producedEveryOwnedEntity(String resyncId, String datasource, LongPredicate produced) {
        return hashes != null && resyncId.equals(hashesResync) && datasource.equals(actor.datasource()) && hashes.everyKey(produced);
    }

    /** Deleted entities leave the resync's table: written again later, they are new. */
    private synchronized void forget(String blueprint, List<String> identifiers) {
        if (hashes != null) identifiers.forEach(identifier -> hashes.remove(blueprint, identifier));
    }

    private static IngestResult result(UpsertOutcome outcome) {
        return switch (outcome.status()) {
            case CREATED -> new IngestResult(outcome.identifier(), IngestResult.Status.CREATED, false, null);
            case UPDATED -> new IngestResult(outcome.identifier(), IngestResult.Status.UPDATED, false, null);
            case UNCHANGED -> new IngestResult(outcome.identifier(), IngestResult.Status.UNCHANGED, false, null);
            case FAILED -> new IngestResult(outcome.identifier(), IngestResult.Status.FAILED,
                    isMissingRelatedEntity(outcome.error()), outcome.error().getMessage());
        };
    }

    /** The catalog says 404 with a violation on a relation when the relation's target is missing. */
    static boolean isMissingRelatedEntity(CatalogException error) {
        return error.problem() == CatalogException.Problem.NOT_FOUND
                && !error.violations().isEmpty()
                && error.violations().stream().allMatch(v -> v.path().startsWith("relations."));
    }

    @Override
    public List<String> findIdentifiers(String blueprint, JsonNode query, int limit) {
        Query parsed = QueryParser.parse(query);
        SearchPage page = catalog.entities().search(new SearchRequest(blueprint, parsed, Math.min(limit, SearchRequest.MAX_LIMIT), null));
        return page.entities().stream().map(Entity::identifier).toList();
    }

    @Override
    public OwnedPage ownedEntities(String datasource, String cursor, int limit) {
        List<OwnedEntry> page = catalog.entities().owned(datasource, decode(cursor), limit);
        List<OwnedEntity> entities = page.stream()
                .map(e -> new OwnedEntity(e.key().blueprint(), e.key().identifier(), e.updatedAt())).toList();
        String next = page.size() < limit ? null : encode(page.getLast().key());
        return new OwnedPage(entities, next);
    }

    /** The cursor is the last key of the page, as a JSON array: opaque to callers, trivial to read back. */
    private static String encode(EntityKey key) {
        return Json.write(Json.array().add(key.blueprint()).add(key.identifier()));
    }

    private static EntityKey decode(String cursor) {
        if (cursor == null) return null;
        JsonNode key = Json.parse(cursor);
        return new EntityKey(key.get(0).asText(), key.get(1).asText());
    }

    @Override
    public DeleteResult delete(String blueprint, List<String> identifiers, boolean deleteDependents) {
        return delete(blueprint, identifiers, deleteDependents, null);
    }

    /** The integration, writing for one resync when {@code origin} is given. */
    private Actor as(ResyncOrigin origin) {
        return origin == null ? actor : actor.inResync(origin);
    }

    @Override
    public DeleteResult delete(String blueprint, List<String> identifiers, boolean deleteDependents, ResyncOrigin origin) {
        Actor actor = as(origin);
        forget(blueprint, identifiers);
        try {
            List<EntityKey> deleted = catalog.entities().delete(blueprint, identifiers, deleteDependents, actor);
            deleted.forEach(key -> forget(key.blueprint(), List.of(key.identifier())));
            return new DeleteResult(deleted.size(), List.of());
        } catch (CatalogException batchRefused) {
            // One entity of the batch blocks it (a dependent, or gone already): delete one by one.
            int deleted = 0;
            List<String> errors = new ArrayList<>();
            for (String identifier : identifiers) {
                try {
                    List<EntityKey> gone = catalog.entities().delete(blueprint, List.of(identifier), deleteDependents, actor);
                    gone.forEach(key -> forget(key.blueprint(), List.of(key.identifier())));
                    deleted += gone.size();
                } catch (CatalogException e) {
                    if (e.problem() != CatalogException.Problem.NOT_FOUND) errors.add(blueprint + "/" + identifier + ": " + e.getMessage());
                }
            }
            return new DeleteResult(deleted, errors);
        }
    }
}
