package dev.portolan.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.entity.EntityKey;
import dev.portolan.catalog.entity.EntityState;
import dev.portolan.catalog.entity.EntityWrite;
import dev.portolan.catalog.entity.OwnedEntry;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code entities} table. Every method that takes a collection works in chunks of
 * {@link Sql#CHUNK}: IN lists for reads and deletes, JDBC batches for writes.
 */
final class EntityRows {

    private final Connection connection;
    private final Dialect dialect;
    private final boolean write;

    EntityRows(Connection connection, Dialect dialect, boolean write) {
        this.connection = connection;
        this.dialect = dialect;
        this.write = write;
    }

    /** Reads no JSON column: this is the cheap "is it unchanged?" look-up of every upsert. */
    Map<String, EntityState> findStates(String blueprint, Collection<String> identifiers) {
        Map<String, EntityState> states = new LinkedHashMap<>();
        for (List<String> chunk : sortedChunks(identifiers)) {
            Sql.query(connection, "SELECT e.identifier, e.content_hash, e.datasource, e.created_at, e.created_by "
                            + "FROM entities e WHERE e.blueprint = ? AND e.identifier IN (" + Sql.placeholders(chunk.size())
                            + ") ORDER BY e.identifier" + lock(),
                    parameters(blueprint, chunk),
                    row -> states.put(row.getString(1), new EntityState(row.getString(1), row.getString(2),
                            row.getString(3), Timestamps.parse(row.getString(4)), row.getString(5))));
        }
        return states;
    }

    Map<String, Entity> find(String blueprint, Collection<String> identifiers) {
        Map<String, Entity> entities = new LinkedHashMap<>();
        for (List<String> chunk : sortedChunks(identifiers)) {
            Sql.query(connection, "SELECT " + EntityColumns.SELECT + " FROM entities e WHERE e.blueprint = ? "
                            + "AND e.identifier IN (" + Sql.placeholders(chunk.size()) + ") ORDER BY e.identifier" + lock(),
                    parameters(blueprint, chunk),
                    row -> entities.put(row.getString("identifier"), EntityColumns.map(row)));
        }
        return entities;
    }

    Set<EntityKey> existing(Collection<EntityKey> keys) {
        Map<String, List<String>> byBlueprint = new LinkedHashMap<>();
        keys.forEach(key -> byBlueprint.computeIfAbsent(key.blueprint(), b -> new ArrayList<>()).add(key.identifier()));
        Set<EntityKey> found = new HashSet<>();
        byBlueprint.forEach((blueprint, identifiers) -> {
            for (List<String> chunk : sortedChunks(identifiers)) {
                Sql.query(connection, "SELECT identifier FROM entities WHERE blueprint = ? AND identifier IN ("
                                + Sql.placeholders(chunk.size()) + ")",
                        parameters(blueprint, chunk), row -> found.add(new EntityKey(blueprint, row.getString(1))));
            }
        });
        return found;
    }

    void insert(List<EntityWrite> writes) {
        String json = dialect.jsonParameter();
        String sql = "INSERT INTO entities (blueprint, identifier, title, icon, team, properties, relations, created_at, "
                + "created_by, updated_at, updated_by, datasource, content_hash) VALUES (?, ?, ?, ?, " + json + ", "
                + json + ", " + json + ", ?, ?, ?, ?, ?, ?)";
        for (List<EntityWrite> chunk : Sql.chunks(writes)) {
            List<List<Object>> rows = new ArrayList<>(chunk.size());
            for (EntityWrite write : chunk) {
                List<Object> row = new ArrayList<>();
                row.add(write.entity().blueprint());
                row.add(write.entity().identifier());
                row.addAll(EntityColumns.values(write.entity(), write.contentHash()));
                rows.add(row);
            }
            Sql.batch(connection, sql, rows);
            identifiersByBlueprint(chunk).forEach((blueprint, identifiers) -> dialect.indexInsertedText(connection, blueprint, identifiers));
        }
    }

    /** Replaces content and meta; a null createdAt/createdBy keeps the stored one. */
    void update(List<EntityWrite> writes) {
        String json = dialect.jsonParameter();
        String sql = "UPDATE entities SET title = ?, icon = ?, team = " + json + ", properties = " + json
                + ", relations = " + json + ", created_at = COALESCE(?, created_at), created_by = COALESCE(?, created_by), "
                + "updated_at = ?, updated_by = ?, datasource = ?, content_hash = ? WHERE blueprint = ? AND identifier = ?";
        for (List<EntityWrite> chunk : Sql.chunks(writes)) {
            List<List<Object>> rows = new ArrayList<>(chunk.size());
            for (EntityWrite write : chunk) {
                List<Object> row = new ArrayList<>(EntityColumns.values(write.entity(), write.contentHash()));
                row.add(write.entity().blueprint());
                row.add(write.entity().identifier());
                rows.add(row);
            }
            Sql.batch(connection, sql, rows);
        }
    }

    /** The stored relations of the entities about to be written (those that exist), by key. */
    Map<EntityKey, JsonNode> storedRelations(List<EntityWrite> writes) {
        Map<EntityKey, JsonNode> relations = new HashMap<>();
        identifiersByBlueprint(writes).forEach((blueprint, identifiers) -> {
            for (List<String> chunk : sortedChunks(identifiers)) {
                Sql.query(connection, "SELECT identifier, relations FROM entities WHERE blueprint = ? AND identifier IN ("
                                + Sql.placeholders(chunk.size()) + ")", parameters(blueprint, chunk),
                        row -> relations.put(new EntityKey(blueprint, row.getString(1)), Json.read(row.getString(2))));
            }
        });
        return relations;
    }

    /** The writes' identifiers grouped by blueprint, in the order the writes come. */
    static Map<String, List<String>> identifiersByBlueprint(List<EntityWrite> writes) {
        Map<String, List<String>> byBlueprint = new LinkedHashMap<>();
        writes.forEach(w -> byBlueprint.computeIfAbsent(w.entity().blueprint(), b -> new ArrayList<>()).add(w.entity().identifier()));
        return byBlueprint;
    }

    int delete(String blueprint, Collection<String> identifiers) {
        int deleted = 0;
        for (List<String> chunk : sortedChunks(identifiers)) {
            deleted += Sql.update(connection, "DELETE FROM entities WHERE blueprint = ? AND identifier IN ("
                    + Sql.placeholders(chunk.size()) + ")", parameters(blueprint, chunk));
        }
        return deleted;
    }

    long count(String blueprint) {
        return Sql.queryOne(connection, "SELECT COUNT(*) FROM entities WHERE blueprint = ?", List.of(blueprint),
                row -> row.getLong(1)).orElse(0L);
    }

    /** Keyset paging on the index (datasource, blueprint, identifier); reads no JSON. */
    List<OwnedEntry> listOwned(String datasource, EntityKey after, int limit) {
        List<Object> parameters = new ArrayList<>(List.of(datasource));
        String where = "";
        if (after != null) {
            // A row value, not an OR of columns: both dialects turn it into one index range scan.
            where = " AND (blueprint, identifier) > (?, ?)";
            parameters.addAll(List.of(after.blueprint(), after.identifier()));
        }
        parameters.add(limit);
        return Sql.query(connection, "SELECT blueprint, identifier, updated_at, content_hash FROM entities WHERE datasource = ?" + where
                        + " ORDER BY blueprint, identifier LIMIT ?", parameters,
                row -> new OwnedEntry(new EntityKey(row.getString(1), row.getString(2)), Timestamps.parse(row.getString(3)),
                        row.getString(4)));
    }

    List<String> listIdentifiers(String blueprint, String afterIdentifier, int limit) {
        List<Object> parameters = new ArrayList<>(List.of(blueprint));
        String after = "";
        if (afterIdentifier != null) {
            after = " AND identifier > ?";
            parameters.add(afterIdentifier);
        }
        parameters.add(limit);
        return Sql.query(connection, "SELECT identifier FROM entities WHERE blueprint = ?" + after
                + " ORDER BY identifier LIMIT ?", parameters, row -> row.getString(1));
    }

    private String lock() {
        return write ? dialect.lockForUpdate() : "";
    }

    /** Sorted and de-duplicated, so concurrent writers lock rows in the same order (fewer deadlocks). */
    private static List<List<String>> sortedChunks(Collection<String> identifiers) {
        return Sql.chunks(new TreeSet<>(identifiers));
    }

    private static List<Object> parameters(String blueprint, List<String> identifiers) {
        List<Object> parameters = new ArrayList<>(identifiers.size() + 1);
        parameters.add(blueprint);
        parameters.addAll(identifiers);
        return parameters;
    }
}
