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
import dev.portolan.catalog.entity.RelationEdge;
import dev.portolan.catalog.store.CatalogStore;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed one-line reads for assertions: {@code assertThat(store.read(tx -> ...))} is ambiguous for
 * javac because {@code read} is generic and AssertJ's {@code assertThat} is overloaded.
 */
final class StoreReads {

    private StoreReads() {}

    /** The first column of every row a plain SQL query returns, read on a connection of its own (the schema, plans). */
    static List<String> strings(dev.portolan.store.testing.TestDatabase database, String sql) throws java.sql.SQLException {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(database.jdbcUrl());
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (rows.next()) values.add(rows.getString(1));
            return values;
        }
    }

    static Optional<Blueprint> storedBlueprint(CatalogStore store, String identifier) {
        return store.read(tx -> tx.findBlueprint(identifier));
    }

    static List<Blueprint> blueprints(CatalogStore store) {
        return store.read(tx -> tx.listBlueprints());
    }

    static Map<String, Entity> entities(CatalogStore store, String blueprint, Collection<String> identifiers) {
        return store.read(tx -> tx.findEntities(blueprint, identifiers));
    }

    static Entity storedEntity(CatalogStore store, String blueprint, String identifier) {
        return entities(store, blueprint, List.of(identifier)).get(identifier);
    }

    static Map<String, EntityState> states(CatalogStore store, String blueprint, Collection<String> identifiers) {
        return store.read(tx -> tx.findEntityStates(blueprint, identifiers));
    }

    static Set<EntityKey> existing(CatalogStore store, Collection<EntityKey> keys) {
        return store.read(tx -> tx.existingEntities(keys));
    }

    static List<RelationEdge> edgesTo(CatalogStore store, EntityKey... targets) {
        return store.read(tx -> tx.findEdgesTo(List.of(targets)));
    }

    static long count(CatalogStore store, String blueprint) {
        return store.read(tx -> tx.countEntities(blueprint));
    }

    static List<String> identifiers(CatalogStore store, String blueprint, String after, int limit) {
        return store.read(tx -> tx.listIdentifiers(blueprint, after, limit));
    }

    static int delete(CatalogStore store, String blueprint, Collection<String> identifiers) {
        return store.write(tx -> tx.deleteEntities(blueprint, identifiers));
    }

    static List<AuditRecord> audit(CatalogStore store, AuditQuery query) {
        return store.read(tx -> tx.findAudit(query));
    }

    static Optional<Credential> credential(CatalogStore store, String clientId) {
        return store.read(tx -> tx.findCredential(clientId));
    }

    static List<Credential> credentials(CatalogStore store) {
        return store.read(tx -> tx.listCredentials());
    }

    static Optional<Team> team(CatalogStore store, String name) {
        return store.read(tx -> tx.findTeam(name));
    }

    static List<Team> teams(CatalogStore store) {
        return store.read(tx -> tx.listTeams());
    }

    static Optional<User> user(CatalogStore store, String email) {
        return store.read(tx -> tx.findUser(email));
    }

    static List<User> users(CatalogStore store) {
        return store.read(tx -> tx.listUsers());
    }

    static Optional<String> setting(CatalogStore store, String key) {
        return store.read(tx -> tx.findSetting(key));
    }

    static String putSetting(CatalogStore store, String key, String value) {
        return store.write(tx -> tx.putSettingIfAbsent(key, value));
    }
}
