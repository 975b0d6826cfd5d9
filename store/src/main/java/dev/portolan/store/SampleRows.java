package dev.portolan.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.portolan.catalog.entity.EntityKey;
import dev.portolan.catalog.integration.SyncSample;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** The {@code sync_samples} table: the first raw objects of each resource of a resync. */
final class SampleRows {

    private static final String KEY = "integration, resync_id, resource_index, kind, position";
    private static final String COLUMNS = KEY + ", omitted, entities, object";

    private final Connection connection;

    SampleRows(Connection connection) {
        this.connection = connection;
    }

    void save(List<SyncSample> samples) {
        if (samples.isEmpty()) return;
        List<List<Object>> rows = new ArrayList<>(samples.size());
        for (SyncSample s : samples) {
            rows.add(Arrays.asList(s.integration(), s.resyncId(), s.resourceIndex(), s.kind(), s.position(), s.omitted(),
                    Json.write(keys(s.entities())), s.object() == null ? null : Json.write(s.object())));
        }
        Sql.batch(connection, "INSERT INTO sync_samples (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (integration, resync_id, resource_index, position) DO UPDATE SET kind = excluded.kind, "
                + "omitted = excluded.omitted, entities = excluded.entities, object = excluded.object", rows);
    }

    List<SyncSample> find(String integration, String resyncId, Integer resourceIndex, boolean withObjects) {
        String object = withObjects ? "object" : "NULL AS object";
        List<Object> parameters = new ArrayList<>(List.of(integration, resyncId));
        String where = " WHERE integration = ? AND resync_id = ?";
        if (resourceIndex != null) {
            where += " AND resource_index = ?";
            parameters.add(resourceIndex);
        }
        return Sql.query(connection, "SELECT " + KEY + ", omitted, entities, " + object + " FROM sync_samples" + where
                + " ORDER BY resource_index, position", parameters, SampleRows::sample);
    }

    /** Resync ids by their newest sample's time: the sync records give the start times. */
    List<String> sampledResyncs(String integration, int limit) {
        return Sql.query(connection, "SELECT s.resync_id FROM integration_syncs s WHERE s.integration = ? "
                        + "AND EXISTS (SELECT 1 FROM sync_samples p WHERE p.integration = s.integration AND p.resync_id = s.resync_id) "
                        + "ORDER BY s.started_at DESC, s.resync_id DESC LIMIT ?",
                List.of(integration, limit), row -> row.getString(1));
    }

    void deleteExcept(String integration, Collection<String> keep) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(integration);
        parameters.addAll(keep);
        Sql.update(connection, "DELETE FROM sync_samples WHERE integration = ?"
                + (keep.isEmpty() ? "" : " AND resync_id NOT IN (" + Sql.placeholders(keep.size()) + ")"), parameters);
    }

    private static ArrayNode keys(List<EntityKey> entities) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (EntityKey key : entities) array.addObject().put("blueprint", key.blueprint()).put("identifier", key.identifier());
        return array;
    }

    private static SyncSample sample(ResultSet row) throws SQLException {
        List<EntityKey> entities = new ArrayList<>();
        for (JsonNode key : Json.read(row.getString("entities"))) {
            entities.add(new EntityKey(key.path("blueprint").asText(), key.path("identifier").asText()));
        }
        String object = row.getString("object");
        return new SyncSample(row.getString("integration"), row.getString("resync_id"), row.getInt("resource_index"),
                row.getString("kind"), row.getInt("position"), object == null ? null : Json.read(object),
                row.getString("omitted"), entities);
    }
}
