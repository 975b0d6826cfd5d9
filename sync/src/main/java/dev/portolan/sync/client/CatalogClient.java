package dev.portolan.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.integration.ResyncOrigin;

import java.util.List;
import java.util.function.LongPredicate;

/**
 * How an integration reaches the catalog, and the only way: in the server process
 * ({@code InProcessCatalogClient}) or over the {@code /v1} API from a process of its own
 * ({@code HttpCatalogClient}). Every write is made as the integration, which becomes the owner
 * (datasource) of what it writes. Implementations are thread-safe.
 */
public interface CatalogClient {

    /** Creates each of Port's blueprint JSON objects whose identifier does not exist yet; returns the created ones. */
    List<String> createMissingBlueprints(List<ObjectNode> blueprints);

    /**
     * Upserts entities of one blueprint in one batch; each succeeds or fails alone. Results come in
     * request order.
     */
    List<IngestResult> upsert(String blueprint, List<ObjectNode> entities, IngestOptions options);

    /** Identifiers of entities of {@code blueprint} matching a search query (for search-query identifiers and relations). */
    List<String> findIdentifiers(String blueprint, JsonNode query, int limit);

    /**
     * One page of the entities owned by {@code datasource}, in a stable order.
     *
     * @param cursor null for the first page, then {@link OwnedPage#next()}
     */
    OwnedPage ownedEntities(String datasource, String cursor, int limit);

    /** Deletes entities of one blueprint; with {@code deleteDependents}, entities that require them go too. */
    DeleteResult delete(String blueprint, List<String> identifiers, boolean deleteDependents);

    /**
     * Deletes as {@link #delete(String, List, boolean)}, for a resync's reconciliation: the audit log
     * records {@code origin}. A client that cannot carry it (over HTTP) deletes without it.
     */
    default DeleteResult delete(String blueprint, List<String> identifiers, boolean deleteDependents, ResyncOrigin origin) {
        return delete(blueprint, identifiers, deleteDependents);
    }

    /**
     * Whether every entity {@code datasource} owned when resync {@code resyncId} wrote its first entity
     * passes {@code produced} (given the 64-bit hash of its key, {@code EntityKeyHash}), so that none
     * can be stale and the reconciliation need not read them. False when the client cannot tell: it
     * keeps no table of that resync's entities (an integration in another process, or a resync that
     * wrote nothing).
     */
    default boolean producedEveryOwnedEntity(String resyncId, String datasource, LongPredicate produced) {
        return false;
    }
}
