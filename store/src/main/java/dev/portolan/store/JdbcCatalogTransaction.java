package dev.portolan.store;

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
import dev.portolan.catalog.store.CatalogTransaction;
import dev.portolan.catalog.store.RelationTargets;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One transaction on one connection, handing each area to its row class. Usable only while its
 * unit of work runs ({@link #close()} is called when it ends).
 */
final class JdbcCatalogTransaction implements CatalogTransaction {

    private final boolean write;
    private final Dialect dialect;
    private final BlueprintRows blueprints;
    private final EntityRows entities;
    private final EdgeRows edges;
    private final EntitySearch search;
    private final PropertyIndexes propertyIndexes;
    private final AuditRows audit;
    private final AccessRows access;
    private final SettingRows settings;
    private final IntegrationRows integrations;
    private final RemoteRows remotes;
    private final LeaseRows leases;
    private final SampleRows samples;
    private boolean open = true;

    JdbcCatalogTransaction(Connection connection, Dialect dialect, boolean write, Clock clock) {
        this.write = write;
        this.dialect = dialect;
        this.blueprints = new BlueprintRows(connection, dialect);
        this.entities = new EntityRows(connection, dialect, write);
        this.edges = new EdgeRows(connection);
        this.search = new EntitySearch(connection, dialect, blueprints, clock);
        this.propertyIndexes = new PropertyIndexes(connection, dialect);
        this.audit = new AuditRows(connection);
        this.access = new AccessRows(connection);
        this.settings = new SettingRows(connection);
        this.integrations = new IntegrationRows(connection);
        this.remotes = new RemoteRows(connection);
        this.leases = new LeaseRows(connection);
        this.samples = new SampleRows(connection);
    }

    void close() {
        open = false;
    }

    private void readable() {
        if (!open) {
            throw new IllegalStateException("the transaction has ended: use the transaction only inside its unit of work");
        }
    }

    private void writable() {
        readable();
        if (!write) {
            throw new IllegalStateException("this is a read-only transaction: use CatalogStore.write to change the catalog");
        }
    }

    @Override
    public Optional<Blueprint> findBlueprint(String identifier) {
        readable();
        return blueprints.find(identifier);
    }

    @Override
    public List<Blueprint> listBlueprints() {
        readable();
        return blueprints.list();
    }

    @Override
    public void insertBlueprint(Blueprint blueprint) {
        writable();
        blueprints.insert(blueprint);
    }

    @Override
    public void updateBlueprint(Blueprint blueprint) {
        writable();
        blueprints.update(blueprint);
    }

    @Override
    public void deleteBlueprint(String identifier) {
        writable();
        blueprints.delete(identifier);
        // After the rows, not before: the delete waits for writers of the blueprint's entities to commit
        // (PostgreSQL), and a statement that starts after it sees the edges they wrote.
        edges.deleteFromBlueprint(identifier);
    }

    @Override
    public Map<String, EntityState> findEntityStates(String blueprint, Collection<String> identifiers) {
        readable();
        return entities.findStates(blueprint, identifiers);
    }

    @Override
    public Map<String, Entity> findEntities(String blueprint, Collection<String> identifiers) {
        readable();
        return entities.find(blueprint, identifiers);
    }

    @Override
    public Set<EntityKey> existingEntities(Collection<EntityKey> keys) {
        readable();
        return entities.existing(keys);
    }

    @Override
    public void insertEntities(List<EntityWrite> writes, RelationTargets relationTargets) {
        writable();
        blueprints.lockForEntities(writes.stream().map(write -> write.entity().blueprint()).toList());
        entities.insert(writes);
        edges.insertFor(writes, relationTargets);
    }

    @Override
    public void updateEntities(List<EntityWrite> writes, RelationTargets relationTargets) {
        writable();
        var storedRelations = entities.storedRelations(writes);
        entities.update(writes);
        edges.replaceFor(writes, storedRelations, relationTargets);
    }

    @Override
    public int deleteEntities(String blueprint, Collection<String> identifiers) {
        writable();
        int deleted = entities.delete(blueprint, identifiers);
        // After the rows, as for a blueprint: every edge a writer of these entities committed is seen.
        edges.deleteFrom(blueprint, identifiers);
        return deleted;
    }

    @Override
    public List<RelationEdge> findEdgesTo(Collection<EntityKey> targets) {
        readable();
        return edges.findTo(targets);
    }

    @Override
    public long countEntities(String blueprint) {
        readable();
        return entities.count(blueprint);
    }

    @Override
    public List<String> listIdentifiers(String blueprint, String afterIdentifier, int limit) {
        readable();
        return entities.listIdentifiers(blueprint, afterIdentifier, limit);
    }

    @Override
    public List<OwnedEntry> listOwned(String datasource, EntityKey after, int limit) {
        readable();
        return entities.listOwned(datasource, after, limit);
    }

    @Override
    public SearchPage search(SearchRequest request) {
        readable();
        return search.run(request);
    }

    @Override
    public boolean hasIndexesFor(SearchRequest request) {
        readable();
        Blueprint blueprint = searchedBlueprint(request);
        if (blueprint == null) return true;
        Set<String> wanted = SearchIndexes.wanted(request, blueprint, dialect);
        return wanted.isEmpty() || propertyIndexes.indexed(blueprint.identifier()).containsAll(wanted);
    }

    @Override
    public void indexFor(SearchRequest request) {
        writable();
        Blueprint blueprint = searchedBlueprint(request);
        if (blueprint != null) {
            propertyIndexes.build(blueprint, SearchIndexes.wanted(request, blueprint, dialect));
        }
    }

    /** The one blueprint a search reads, if it names one that exists. */
    private Blueprint searchedBlueprint(SearchRequest request) {
        if (request.blueprint() == null || !Identifiers.isValid(request.blueprint())) return null;
        return blueprints.find(request.blueprint()).orElse(null);
    }

    @Override
    public void appendAudit(List<AuditRecord> records) {
        writable();
        audit.append(records);
    }

    @Override
    public List<AuditRecord> findAudit(AuditQuery query) {
        readable();
        return audit.find(query);
    }

    @Override
    public Optional<Credential> findCredential(String clientId) {
        readable();
        return access.findCredential(clientId);
    }

    @Override
    public List<Credential> listCredentials() {
        readable();
        return access.listCredentials();
    }

    @Override
    public void insertCredential(Credential credential) {
        writable();
        access.insertCredential(credential);
    }

    @Override
    public void deleteCredential(String clientId) {
        writable();
        access.deleteCredential(clientId);
    }

    @Override
    public Optional<Team> findTeam(String name) {
        readable();
        return access.findTeam(name);
    }

    @Override
    public List<Team> listTeams() {
        readable();
        return access.listTeams();
    }

    @Override
    public void insertTeam(Team team) {
        writable();
        access.insertTeam(team);
    }

    @Override
    public void insertUser(User user) {
        writable();
        access.insertUser(user);
    }

    @Override
    public void saveTeam(Team team) {
        writable();
        access.saveTeam(team);
    }

    @Override
    public void deleteTeam(String name) {
        writable();
        access.deleteTeam(name);
    }

    @Override
    public Optional<User> findUser(String email) {
        readable();
        return access.findUser(email);
    }

    @Override
    public List<User> listUsers() {
        readable();
        return access.listUsers();
    }

    @Override
    public void saveUser(User user) {
        writable();
        access.saveUser(user);
    }

    @Override
    public void deleteUser(String email) {
        writable();
        access.deleteUser(email);
    }

    @Override
    public Optional<String> findSetting(String key) {
        readable();
        return settings.find(key);
    }

    @Override
    public String putSettingIfAbsent(String key, String value) {
        writable();
        return settings.putIfAbsent(key, value);
    }

    // ---- integrations

    @Override
    public Optional<Installation> findIntegration(String identifier) {
        readable();
        return integrations.find(identifier);
    }

    @Override
    public List<Installation> listIntegrations() {
        readable();
        return integrations.list();
    }

    @Override
    public void saveIntegration(Installation installation) {
        writable();
        integrations.save(installation);
    }

    @Override
    public void deleteIntegration(String identifier) {
        writable();
        remotes.delete(identifier);
        integrations.delete(identifier);
    }

    @Override
    public Optional<String> findMappingText(String integration) {
        readable();
        return integrations.findMappingText(integration);
    }

    @Override
    public void saveMappingText(String integration, String yaml) {
        writable();
        integrations.saveMappingText(integration, yaml);
    }

    @Override
    public Optional<RemoteState> findRemoteState(String integration) {
        readable();
        return remotes.find(integration);
    }

    @Override
    public void saveRemoteState(RemoteState state) {
        writable();
        remotes.save(state);
    }

    @Override
    public void saveSync(SyncRecord sync) {
        writable();
        integrations.saveSync(sync);
    }

    @Override
    public List<SyncRecord> findSyncs(String integration, int limit) {
        readable();
        return integrations.findSyncs(integration, limit);
    }

    @Override
    public Optional<SyncRecord> findSync(String integration, String resyncId) {
        readable();
        return integrations.findSync(integration, resyncId);
    }

    @Override
    public void appendSyncEvents(List<SyncEvent> events) {
        writable();
        integrations.appendEvents(events);
    }

    @Override
    public List<SyncEvent> findSyncEvents(SyncEventQuery query) {
        readable();
        return integrations.findEvents(query);
    }

    @Override
    public List<SyncRecord> findSyncsInState(String state) {
        readable();
        return integrations.findSyncsInState(state);
    }

    @Override
    public boolean replaceSyncIfState(SyncRecord sync, String expectedState) {
        writable();
        return integrations.replaceSyncIfState(sync, expectedState);
    }

    // ---- resync leases

    @Override
    public Optional<ResyncLease> findResyncLease(String integration) {
        readable();
        return leases.find(integration);
    }

    @Override
    public boolean takeResyncLease(ResyncLease lease, Instant now) {
        writable();
        return leases.take(lease, now);
    }

    @Override
    public Optional<ResyncLease> renewResyncLease(String integration, String holder, String resyncId, Instant expiresAt) {
        writable();
        return leases.renew(integration, holder, resyncId, expiresAt);
    }

    @Override
    public void requestResyncAbort(String integration) {
        writable();
        leases.requestAbort(integration);
    }

    @Override
    public void releaseResyncLease(String integration, String holder, String resyncId) {
        writable();
        leases.release(integration, holder, resyncId);
    }

    @Override
    public void saveSyncSamples(List<SyncSample> samples) {
        writable();
        this.samples.save(samples);
    }

    @Override
    public List<SyncSample> findSyncSamples(String integration, String resyncId, Integer resourceIndex, boolean withObjects) {
        readable();
        return samples.find(integration, resyncId, resourceIndex, withObjects);
    }

    @Override
    public List<String> findSampledResyncs(String integration, int limit) {
        readable();
        return samples.sampledResyncs(integration, limit);
    }

    @Override
    public void deleteSyncSamplesExcept(String integration, java.util.Collection<String> keep) {
        writable();
        samples.deleteExcept(integration, keep);
    }
}
