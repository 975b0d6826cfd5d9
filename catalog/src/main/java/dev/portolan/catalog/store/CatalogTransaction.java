package dev.portolan.catalog.store;

import dev.portolan.catalog.access.Credential;
import dev.portolan.catalog.access.Team;
import dev.portolan.catalog.access.User;
import dev.portolan.catalog.audit.AuditQuery;
import dev.portolan.catalog.audit.AuditRecord;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.entity.EntityKey;
import dev.portolan.catalog.entity.EntityState;
import dev.portolan.catalog.entity.EntityWrite;
import dev.portolan.catalog.entity.OwnedEntry;
import dev.portolan.catalog.entity.RelationEdge;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.integration.RemoteState;
import dev.portolan.catalog.integration.ResyncLease;
import dev.portolan.catalog.integration.SyncEvent;
import dev.portolan.catalog.integration.SyncEventQuery;
import dev.portolan.catalog.integration.SyncRecord;
import dev.portolan.catalog.integration.SyncSample;
import dev.portolan.catalog.search.SearchPage;
import dev.portolan.catalog.search.SearchRequest;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The primitive operations of the store, all inside one transaction ({@link CatalogStore#write}
 * or {@link CatalogStore#read}). No validation happens here: the catalog validates before it
 * writes. Methods taking collections work in batches (one statement per batch, not per row).
 *
 * <p>Not thread-safe: use it only on the thread that runs the unit of work, and not after it ends.
 */
public interface CatalogTransaction {

    // ---- blueprints -------------------------------------------------------------------------

    Optional<Blueprint> findBlueprint(String identifier);

    /** All blueprints, ordered by identifier. */
    List<Blueprint> listBlueprints();

    void insertBlueprint(Blueprint blueprint);

    void updateBlueprint(Blueprint blueprint);

    void deleteBlueprint(String identifier);

    // ---- entities ---------------------------------------------------------------------------

    /**
     * Light state of the given entities of one blueprint, by identifier; missing ones are absent.
     * In a write transaction the rows are locked against concurrent writers (PostgreSQL
     * {@code FOR UPDATE}; SQLite holds the database write lock for the whole transaction).
     */
    Map<String, EntityState> findEntityStates(String blueprint, Collection<String> identifiers);

    /** Full entities of one blueprint, by identifier; missing ones are absent. Locks as above. */
    Map<String, Entity> findEntities(String blueprint, Collection<String> identifiers);

    /** Which of {@code keys} exist (any blueprints), in one or a few statements. */
    Set<EntityKey> existingEntities(Collection<EntityKey> keys);

    /**
     * Inserts new entities and their relation edges (derived from {@link Entity#relations()};
     * a target's blueprint comes from the source blueprint's relation definition, so callers pass
     * the blueprints via {@code relationTargets}: source blueprint → relation → target blueprint).
     */
    void insertEntities(List<EntityWrite> entities, RelationTargets relationTargets);

    /** Replaces stored entities (same blueprint and identifier) and their relation edges. */
    void updateEntities(List<EntityWrite> entities, RelationTargets relationTargets);

    /** Deletes entities and every relation edge from them. Returns how many rows were deleted. */
    int deleteEntities(String blueprint, Collection<String> identifiers);

    /** Edges pointing at any of {@code targets}: who refers to them, and through which relation. */
    List<RelationEdge> findEdgesTo(Collection<EntityKey> targets);

    /** Number of entities of a blueprint. */
    long countEntities(String blueprint);

    /** Up to {@code limit} identifiers of a blueprint after {@code afterIdentifier} (null: from the start), in order. */
    List<String> listIdentifiers(String blueprint, String afterIdentifier, int limit);

    /**
     * Up to {@code limit} entities owned by {@code datasource}, in (blueprint, identifier) order,
     * after {@code after} (null: from the start). Reads no content, only keys and times, on an index.
     */
    List<OwnedEntry> listOwned(String datasource, EntityKey after, int limit);

    /**
     * Runs a search in the database (bound parameters, indexed) and returns one page in the order
     * blueprint, identifier. Never loads a blueprint's entities into memory to filter them.
     *
     * @throws IllegalArgumentException (or a subclass) when the cursor is not one this store issued
     */
    SearchPage search(SearchRequest request);

    /**
     * Whether every index the search reads exists. Indexes on properties are built when a search first
     * needs them ({@link #indexFor}): an index on every property would slow every write of the
     * blueprint's entities for searches that may never come.
     */
    boolean hasIndexesFor(SearchRequest request);

    /** Builds the indexes the search reads and lacks: seconds on a blueprint of a million entities. */
    void indexFor(SearchRequest request);

    // ---- audit ------------------------------------------------------------------------------

    void appendAudit(List<AuditRecord> records);

    /** Newest first. */
    List<AuditRecord> findAudit(AuditQuery query);

    // ---- access -----------------------------------------------------------------------------

    Optional<Credential> findCredential(String clientId);

    List<Credential> listCredentials();

    void insertCredential(Credential credential);

    void deleteCredential(String clientId);

    Optional<Team> findTeam(String name);

    List<Team> listTeams();

    /** Inserts or replaces by name. */
    void saveTeam(Team team);

    /**
     * Inserts a new team; a team of that name stored meanwhile by another writer makes it fail with
     * a unique-key violation, on which {@link CatalogStore#write} runs the unit of work again (and it
     * then sees the team).
     */
    void insertTeam(Team team);

    void deleteTeam(String name);

    Optional<User> findUser(String email);

    List<User> listUsers();

    /** Inserts or replaces by email. */
    void saveUser(User user);

    /** Inserts a new user; like {@link #insertTeam}, a concurrent insert of the same e-mail makes the unit of work run again. */
    void insertUser(User user);

    void deleteUser(String email);

    // ---- integrations -----------------------------------------------------------------------

    Optional<Installation> findIntegration(String identifier);

    /** Ordered by identifier. */
    List<Installation> listIntegrations();

    /** Inserts or replaces by identifier. */
    void saveIntegration(Installation installation);

    /** Deletes an integration with its sync records and event log. */
    void deleteIntegration(String identifier);

    /** The mapping as last saved in the web UI, as its author wrote it (YAML with comments); deleted with the integration. */
    Optional<String> findMappingText(String integration);

    /** Inserts or replaces by integration. */
    void saveMappingText(String integration, String yaml);

    /** Inserts or replaces by (integration, resync id). */
    void saveSync(SyncRecord sync);

    /** Newest first (by start time). */
    List<SyncRecord> findSyncs(String integration, int limit);

    Optional<SyncRecord> findSync(String integration, String resyncId);

    void appendSyncEvents(List<SyncEvent> events);

    /** Newest first; {@code resyncId} null for all resyncs. */
    default List<SyncEvent> findSyncEvents(String integration, String resyncId, int limit) {
        return findSyncEvents(SyncEventQuery.of(integration, resyncId, limit));
    }

    /** Newest first, filtered and paged. */
    List<SyncEvent> findSyncEvents(SyncEventQuery query);

    /** What is kept of an integration that runs elsewhere; empty for one this server runs (or none). */
    Optional<RemoteState> findRemoteState(String integration);

    /** Inserts or replaces by integration; deleted with the integration ({@link #deleteIntegration}). */
    void saveRemoteState(RemoteState state);

    /** The records of every integration in {@code state} (e.g. {@code syncing}), oldest first. */
    List<SyncRecord> findSyncsInState(String state);

    /**
     * Replaces a sync record only while it is still in {@code expectedState}, in one statement, so
     * that a record its own resync has meanwhile finished is left alone. Returns whether it was replaced.
     */
    boolean replaceSyncIfState(SyncRecord sync, String expectedState);

    // ---- resync leases: one per integration, so that replicas never resync it at once -------

    Optional<ResyncLease> findResyncLease(String integration);

    /** Takes the lease when there is none or it has expired at {@code now}; false when another holder has it. */
    boolean takeResyncLease(ResyncLease lease, Instant now);

    /** Extends the lease of this holder and resync; the lease as it now stands, or empty when it is no longer theirs. */
    Optional<ResyncLease> renewResyncLease(String integration, String holder, String resyncId, Instant expiresAt);

    /** Asks the holder of the lease, whoever it is, to abort its resync. */
    void requestResyncAbort(String integration);

    /** Gives the lease up (only this holder's, for this resync). */
    void releaseResyncLease(String integration, String holder, String resyncId);

    /** Inserts or replaces by (integration, resync id, resource index, position). */
    void saveSyncSamples(List<SyncSample> samples);

    /**
     * The samples one resync kept, in resource then position order; {@code resourceIndex} null for
     * every resource. With {@code withObjects} false the raw objects are not read (provenance look-ups).
     */
    List<SyncSample> findSyncSamples(String integration, String resyncId, Integer resourceIndex, boolean withObjects);

    /** Ids of the resyncs of an integration that kept samples, newest first. */
    List<String> findSampledResyncs(String integration, int limit);

    /** Deletes the samples of an integration's resyncs other than {@code keep}. */
    void deleteSyncSamplesExcept(String integration, java.util.Collection<String> keep);

    // ---- server settings --------------------------------------------------------------------

    /** A value of the server's own key-value settings (e.g. the token signing key). */
    Optional<String> findSetting(String key);

    /** Stores {@code value} under {@code key} unless a value exists; returns the stored value. */
    String putSettingIfAbsent(String key, String value);
}
