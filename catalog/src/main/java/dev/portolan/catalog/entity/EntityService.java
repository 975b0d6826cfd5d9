package dev.portolan.catalog.entity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.Actor;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.PropertySchema;
import dev.portolan.catalog.search.SearchPage;
import dev.portolan.catalog.search.SearchRequest;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.catalog.store.CatalogTransaction;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Entity reads and writes. Every write validates against the blueprint and runs in one
 * transaction per batch of at most {@link #BATCH_SIZE}; every read adds the mirror and calculation
 * properties ({@link EntityEnricher}). Thread-safe.
 */
public final class EntityService {

    public static final int BATCH_SIZE = 1000;
    /** Rows per read of {@link #storedHashes}: few round trips, each a short read transaction. */
    private static final int HASH_PAGE = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CatalogStore store;
    private final Clock clock;
    private final EntityEnricher enricher;

    public EntityService(CatalogStore store, Clock clock, EntityEnricher enricher) {
        this.store = store;
        this.clock = clock;
        this.enricher = enricher;
    }

    /**
     * Writes many entities of one blueprint; each succeeds or fails on its own (bulk create, sync
     * ingestion). Outcomes come back in request order.
     *
     * @throws CatalogException 404 when the blueprint does not exist
     */
    public List<UpsertOutcome> upsert(String blueprint, List<JsonNode> bodies, WriteOptions options, Actor actor) {
        return upsert(blueprint, bodies, options, actor, null);
    }

    /**
     * {@link #upsert(String, List, WriteOptions, Actor)} for a resync that read its datasource's content
     * hashes once ({@link #storedHashes}): an upsert whose content is the one {@code known} holds is
     * <em>not changed</em> at once, with no read and no transaction; what is written is recorded in
     * {@code known} once committed, so later writes of the same resync compare with it.
     *
     * @param known null to look every entity up in the database
     */
    public List<UpsertOutcome> upsert(String blueprint, List<JsonNode> bodies, WriteOptions options, Actor actor, StoredHashes known) {
        Blueprint definition = store.read(tx -> requireBlueprint(tx, blueprint));
        PropertySchema schema = definition.properties(); // read from its JSON once, not once per entity
        UnchangedCheck unchanged = known == null || !options.upsert() || options.validationOnly() ? null
                : new UnchangedCheck(known, definition, schema, actor);
        List<UpsertOutcome> outcomes = new ArrayList<>(bodies.size());
        Map<Integer, EntityDraft> round = new LinkedHashMap<>();
        Map<Integer, List<String>> dropped = new HashMap<>();
        Set<String> roundIdentifiers = new HashSet<>();
        for (int i = 0; i < bodies.size(); i++) {
            EntityDraft draft;
            try {
                UnknownProperties.Split split = UnknownProperties.split(withIdentifier(EntityJson.read(bodies.get(i), blueprint)), schema);
                draft = split.kept();
                if (!split.dropped().isEmpty()) dropped.put(i, split.dropped());
            } catch (CatalogException e) {
                outcomes.add(UpsertOutcome.failure(i, bodies.get(i).path("identifier").asText(null), e));
                continue;
            }
            // Known unchanged: no write. Unless the round holds a write of the same identifier, which
            // this one, coming later, must see.
            if (unchanged != null && !roundIdentifiers.contains(draft.identifier()) && unchanged.test(draft)) {
                outcomes.add(new UpsertOutcome(i, draft.identifier(), UpsertOutcome.Status.UNCHANGED, null, null));
                continue;
            }
            // The same identifier twice in a batch: the second write must see the first, so it
            // goes into the next round, as if sent in a later request.
            if (round.size() == BATCH_SIZE || !roundIdentifiers.add(draft.identifier())) {
                outcomes.addAll(writeRound(blueprint, round, options, actor, known));
                round.clear();
                roundIdentifiers.clear();
                roundIdentifiers.add(draft.identifier());
            }
            round.put(i, draft);
        }
        outcomes.addAll(writeRound(blueprint, round, options, actor, known));
        outcomes.replaceAll(o -> o.failed() || !dropped.containsKey(o.index()) ? o : o.withDroppedProperties(dropped.get(o.index())));
        outcomes.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return outcomes;
    }

    /** Writes one entity; throws when it fails (create, upsert). */
    public UpsertOutcome write(String blueprint, JsonNode body, WriteOptions options, Actor actor) {
        UpsertOutcome outcome = upsert(blueprint, List.of(body), options, actor).getFirst();
        if (outcome.failed()) throw outcome.error();
        return outcome;
    }

    /**
     * PUT (replace) or PATCH (merge) of an existing entity at its path.
     *
     * @throws CatalogException 404 when the entity does not exist
     */
    public UpsertOutcome change(String blueprint, String identifier, JsonNode body, boolean merge,
                                boolean createMissingRelatedEntities, Actor actor) {
        if (body instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            JsonNode given = object.get("identifier");
            if (given != null && !given.isNull() && !given.asText().equals(identifier)) {
                throw CatalogException.malformed("The body's identifier '" + given.asText()
                        + "' differs from the path's '" + identifier + "'; an entity's identifier cannot change");
            }
            object = object.deepCopy();
            object.put("identifier", identifier);
            body = object;
        }
        get(blueprint, identifier); // 404 unless it exists
        return write(blueprint, body, new WriteOptions(true, merge, createMissingRelatedEntities, false), actor);
    }

    public Entity get(String blueprint, String identifier) {
        return store.read(tx -> {
            Blueprint definition = requireBlueprint(tx, blueprint);
            Entity entity = tx.findEntities(blueprint, List.of(identifier)).get(identifier);
            if (entity == null) throw CatalogException.notFound("Entity of blueprint '" + blueprint + "'", identifier);
            return enricher.enrich(tx, List.of(entity), Map.of(blueprint, definition)).getFirst();
        });
    }

    /**
     * {@code entity} as a read shows it (mirror and calculation properties, no removed properties),
     * e.g. to answer a write with what a GET would give; works for an entity only validated, not stored.
     */
    public Entity shown(Entity entity) {
        return store.read(tx -> enricher.enrich(tx, List.of(entity),
                Map.of(entity.blueprint(), requireBlueprint(tx, entity.blueprint()))).getFirst());
    }

    /**
     * One page of a search. The first search that compares a property by value or sorts by it builds
     * that property's index first (seconds at a million entities), so that it and every later one
     * reads the index: properties no search uses have none, and cost writes nothing.
     */
    public SearchPage search(SearchRequest request) {
        SearchPage page = store.read(tx -> tx.hasIndexesFor(request) ? searchIn(tx, request) : null);
        if (page != null) {
            return page;
        }
        store.write(tx -> {
            tx.indexFor(request);
            return null;
        });
        return store.read(tx -> searchIn(tx, request));
    }

    private SearchPage searchIn(CatalogTransaction tx, SearchRequest request) {
        if (request.blueprint() != null) requireBlueprint(tx, request.blueprint());
        SearchPage page = tx.search(request);
        Map<String, Blueprint> blueprints = tx.listBlueprints().stream()
                .collect(Collectors.toMap(Blueprint::identifier, Function.identity()));
        return new SearchPage(enricher.enrich(tx, page.entities(), blueprints), page.next());
    }

    /**
     * One page of the entities a datasource (an integration) owns, for reconciliation: keys and
     * last-write times only, in a stable order.
     *
     * @param after the last entry of the previous page, or null for the first page
     */
    public List<OwnedEntry> owned(String datasource, EntityKey after, int limit) {
        return store.read(tx -> tx.listOwned(datasource, after, limit));
    }

    public long count(String blueprint) {
        return store.read(tx -> {
            requireBlueprint(tx, blueprint);
            return tx.countEntities(blueprint);
        });
    }

    /**
     * Deletes entities of one blueprint, all or nothing.
     *
     * @return every deleted entity, dependents included
     * @throws CatalogException 404 naming the first missing identifier; 409 when a dependent exists
     *                          and {@code deleteDependents} is false
     */
    public List<EntityKey> delete(String blueprint, List<String> identifiers, boolean deleteDependents, Actor actor) {
        return store.write(tx -> {
            requireBlueprint(tx, blueprint);
            Map<String, EntityState> states = tx.findEntityStates(blueprint, identifiers);
            for (String identifier : identifiers) {
                if (!states.containsKey(identifier)) {
                    throw CatalogException.notFound("Entity of blueprint '" + blueprint + "'", identifier);
                }
            }
            List<EntityKey> keys = identifiers.stream().distinct().map(id -> new EntityKey(blueprint, id)).toList();
            // The audit time is taken now that the rows are locked, so it follows the order of commits.
            return new EntityDeletion(tx, blueprintsById(tx), actor, clock.instant()).delete(keys, deleteDependents);
        });
    }

    /** Deletes every entity of a blueprint, a batch per transaction; returns how many. */
    public long deleteAll(String blueprint, boolean deleteDependents, Actor actor) {
        store.read(tx -> requireBlueprint(tx, blueprint));
        long deleted = 0;
        while (true) {
            List<String> batch = store.read(tx -> tx.listIdentifiers(blueprint, null, BATCH_SIZE));
            if (batch.isEmpty()) return deleted;
            deleted += delete(blueprint, batch, deleteDependents, actor).stream()
                    .filter(key -> key.blueprint().equals(blueprint)).count();
        }
    }

    private List<UpsertOutcome> writeRound(String blueprint, Map<Integer, EntityDraft> drafts, WriteOptions options, Actor actor,
                                           StoredHashes known) {
        if (drafts.isEmpty()) return List.of();
        Map<EntityKey, String> written = new HashMap<>();
        List<UpsertOutcome> outcomes = store.write(tx -> {
            Map<String, Blueprint> blueprints = blueprintsById(tx);
            Blueprint definition = blueprints.get(blueprint);
            if (definition == null) throw CatalogException.notFound("Blueprint", blueprint);
            written.clear(); // a unit of work the store retries starts again
            return new EntityUpsert(tx, definition, blueprints, options, actor, clock, written).run(drafts);
        });
        // Only now, committed, is it what is stored.
        if (known != null && !options.validationOnly()) written.forEach((key, hash) -> known.put(key.blueprint(), key.identifier(), hash));
        return outcomes;
    }

    /**
     * The content hashes of every entity {@code datasource} owns, read in pages on the datasource
     * index: what a resync of that integration compares its upserts with.
     */
    public StoredHashes storedHashes(String datasource) {
        StoredHashes hashes = new StoredHashes();
        EntityKey after = null;
        while (true) {
            EntityKey cursor = after;
            List<OwnedEntry> page = store.read(tx -> tx.listOwned(datasource, cursor, HASH_PAGE));
            page.forEach(e -> hashes.put(e.key().blueprint(), e.key().identifier(), e.contentHash()));
            if (page.size() < HASH_PAGE) return hashes;
            after = page.getLast().key();
        }
    }

    /** Whether a draft, written as a replacement, would have the content hash the resync's table holds. */
    private static final class UnchangedCheck {
        private final StoredHashes known;
        private final Blueprint blueprint;
        private final PropertySchema schema;
        private final Actor actor;

        UnchangedCheck(StoredHashes known, Blueprint blueprint, PropertySchema schema, Actor actor) {
            this.known = known;
            this.blueprint = blueprint;
            this.schema = schema;
            this.actor = actor;
        }

        boolean test(EntityDraft draft) {
            return known.matches(blueprint.identifier(), draft.identifier(),
                    () -> EntityUpsert.hashAsReplacement(draft, blueprint, schema, actor));
        }
    }

    private static EntityDraft withIdentifier(EntityDraft draft) {
        if (draft.identifier() != null) return draft;
        // Port generates an identifier when none is given; so do we, in the same style.
        String generated = "e_" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        return new EntityDraft(generated, draft.title(), draft.icon(), draft.team(), draft.properties(), draft.relations());
    }

    static Blueprint requireBlueprint(CatalogTransaction tx, String blueprint) {
        return tx.findBlueprint(blueprint).orElseThrow(() -> CatalogException.notFound("Blueprint", blueprint));
    }

    static Map<String, Blueprint> blueprintsById(CatalogTransaction tx) {
        return tx.listBlueprints().stream().collect(Collectors.toMap(Blueprint::identifier, Function.identity()));
    }
}
