package dev.portolan.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.entity.EntityKey;
import dev.portolan.catalog.entity.EntityWrite;
import dev.portolan.catalog.entity.RelationEdge;
import dev.portolan.catalog.store.RelationTargets;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code relation_edges} table: one row per link, derived from {@link Entity#relations()} on
 * every insert and update, in the same transaction as the entity's row. The store deletes an
 * entity's edges itself, in the transaction that deletes the entity (or its blueprint): on PostgreSQL
 * no foreign key ties an edge to its source any more (V16), since checking it locked the entity row
 * for every edge written, a tenth of a cold resync, for edges that only ever come with their entity.
 * SQLite keeps the key and its cascade (checking it costs a look-up of a page just written).
 */
final class EdgeRows {

    private final Connection connection;

    EdgeRows(Connection connection) {
        this.connection = connection;
    }

    void insertFor(List<EntityWrite> writes, RelationTargets targets) {
        List<List<Object>> rows = new ArrayList<>();
        for (EntityWrite write : writes) {
            for (RelationEdge edge : edgesOf(write.entity(), targets)) {
                rows.add(List.of(edge.source().blueprint(), edge.source().identifier(), edge.relation(),
                        edge.target().blueprint(), edge.target().identifier()));
            }
        }
        for (List<List<Object>> chunk : Sql.chunks(rows)) {
            Sql.batch(connection, "INSERT INTO relation_edges (source_blueprint, source_identifier, relation, "
                    + "target_blueprint, target_identifier) VALUES (?, ?, ?, ?, ?)", chunk);
        }
    }

    /**
     * Replaces the edges of updated entities whose relations changed; most updates (a sync
     * refreshing properties) keep their relations, and rewriting their edges would double the cost.
     *
     * @param storedRelations the relations before the update, by entity
     */
    void replaceFor(List<EntityWrite> writes, Map<EntityKey, JsonNode> storedRelations, RelationTargets targets) {
        List<EntityWrite> changed = writes.stream()
                .filter(w -> !java.util.Objects.equals(storedRelations.get(w.entity().key()), w.entity().relations()))
                .toList();
        deleteFrom(changed);
        insertFor(changed, targets);
    }

    /** Removes the edges of the given sources, before their new edges are inserted. */
    void deleteFrom(List<EntityWrite> writes) {
        EntityRows.identifiersByBlueprint(writes).forEach(this::deleteFrom); // which sorts and de-duplicates them
    }

    /** Removes the edges of the given sources of one blueprint, in the transaction that deletes them. */
    void deleteFrom(String blueprint, Collection<String> identifiers) {
        for (List<String> chunk : Sql.chunks(new TreeSet<>(identifiers))) {
            List<Object> parameters = new ArrayList<>(List.of(blueprint));
            parameters.addAll(chunk);
            Sql.update(connection, "DELETE FROM relation_edges WHERE source_blueprint = ? AND source_identifier IN ("
                    + Sql.placeholders(chunk.size()) + ")", parameters);
        }
    }

    /** Removes the edges of every entity of a blueprint, in the transaction that deletes it. */
    void deleteFromBlueprint(String blueprint) {
        Sql.update(connection, "DELETE FROM relation_edges WHERE source_blueprint = ?", List.of(blueprint));
    }

    List<RelationEdge> findTo(Collection<EntityKey> targets) {
        Map<String, Set<String>> byBlueprint = new LinkedHashMap<>();
        targets.forEach(key -> byBlueprint.computeIfAbsent(key.blueprint(), b -> new TreeSet<>()).add(key.identifier()));
        List<RelationEdge> edges = new ArrayList<>();
        byBlueprint.forEach((blueprint, identifiers) -> {
            for (List<String> chunk : Sql.chunks(identifiers)) {
                List<Object> parameters = new ArrayList<>(List.of(blueprint));
                parameters.addAll(chunk);
                edges.addAll(Sql.query(connection, "SELECT source_blueprint, source_identifier, relation, target_blueprint, "
                                + "target_identifier FROM relation_edges WHERE target_blueprint = ? AND target_identifier IN ("
                                + Sql.placeholders(chunk.size()) + ") ORDER BY source_blueprint, source_identifier, relation",
                        parameters, row -> new RelationEdge(new EntityKey(row.getString(1), row.getString(2)),
                                row.getString(3), new EntityKey(row.getString(4), row.getString(5)))));
            }
        });
        return edges;
    }

    /** The distinct edges an entity's relations describe; relations unknown to its blueprint are ignored. */
    static Set<RelationEdge> edgesOf(Entity entity, RelationTargets targets) {
        Set<RelationEdge> edges = new LinkedHashSet<>();
        if (entity.relations() == null) {
            return edges;
        }
        EntityKey source = entity.key();
        entity.relations().properties().forEach(relation -> {
            String targetBlueprint = targets.target(entity.blueprint(), relation.getKey());
            if (targetBlueprint == null) {
                return;
            }
            JsonNode value = relation.getValue();
            if (value.isArray()) {
                value.forEach(item -> addEdge(edges, source, relation.getKey(), targetBlueprint, item));
            } else {
                addEdge(edges, source, relation.getKey(), targetBlueprint, value);
            }
        });
        return edges;
    }

    private static void addEdge(Set<RelationEdge> edges, EntityKey source, String relation, String targetBlueprint, JsonNode target) {
        if (target.isTextual()) {
            edges.add(new RelationEdge(source, relation, new EntityKey(targetBlueprint, target.asText())));
        }
    }
}
