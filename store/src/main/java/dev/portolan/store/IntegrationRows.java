package dev.portolan.store;

import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.integration.SyncEvent;
import dev.portolan.catalog.integration.SyncEventQuery;
import dev.portolan.catalog.integration.SyncRecord;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code integrations}, {@code integration_syncs} and {@code integration_events} tables. */
final class IntegrationRows {

    private static final String INTEGRATION = "identifier, type, title, settings, config, scheduled_resync_interval, remote, created_at, updated_at";
    private static final String SYNC = "integration, resync_id, state, started_at, finished_at, report";
    private static final String EVENT = "integration, resync_id, ts, level, kind, message";

    private final Connection connection;

    IntegrationRows(Connection connection) {
        this.connection = connection;
    }

    Optional<Installation> find(String identifier) {
        return Sql.queryOne(connection, "SELECT " + INTEGRATION + " FROM integrations WHERE identifier = ?",
                List.of(identifier), IntegrationRows::installation);
    }

    List<Installation> list() {
        return Sql.query(connection, "SELECT " + INTEGRATION + " FROM integrations ORDER BY identifier", List.of(),
                IntegrationRows::installation);
    }

    void save(Installation i) {
        Sql.update(connection, "INSERT INTO integrations (" + INTEGRATION + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (identifier) DO UPDATE SET type = excluded.type, title = excluded.title, remote = excluded.remote, "
                        + "settings = excluded.settings, config = excluded.config, "
                        + "scheduled_resync_interval = excluded.scheduled_resync_interval, updated_at = excluded.updated_at",
                Arrays.asList(i.identifier(), i.type(), i.title(), Json.write(i.settings()), Json.write(i.config()),
                        i.scheduledResyncInterval(), i.remote() ? 1 : 0, Timestamps.format(i.createdAt()), Timestamps.format(i.updatedAt())));
    }

    void delete(String identifier) {
        Sql.update(connection, "DELETE FROM sync_samples WHERE integration = ?", List.of(identifier));
        Sql.update(connection, "DELETE FROM integration_events WHERE integration = ?", List.of(identifier));
        Sql.update(connection, "DELETE FROM integration_syncs WHERE integration = ?", List.of(identifier));
        Sql.update(connection, "DELETE FROM resync_leases WHERE integration = ?", List.of(identifier));
        Sql.update(connection, "DELETE FROM mapping_texts WHERE integration = ?", List.of(identifier));
        Sql.update(connection, "DELETE FROM integrations WHERE identifier = ?", List.of(identifier));
    }

    Optional<String> findMappingText(String integration) {
        return Sql.queryOne(connection, "SELECT yaml FROM mapping_texts WHERE integration = ?", List.of(integration), row -> row.getString(1));
    }

    void saveMappingText(String integration, String yaml) {
        Sql.update(connection, "INSERT INTO mapping_texts (integration, yaml) VALUES (?, ?) ON CONFLICT (integration) DO UPDATE SET yaml = excluded.yaml",
                List.of(integration, yaml));
    }

    void saveSync(SyncRecord s) {
        Sql.update(connection, "INSERT INTO integration_syncs (" + SYNC + ") VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (integration, resync_id) DO UPDATE SET state = excluded.state, "
                        + "finished_at = excluded.finished_at, report = excluded.report",
                Arrays.asList(s.integration(), s.resyncId(), s.state(), Timestamps.format(s.startedAt()),
                        Timestamps.format(s.finishedAt()), Json.write(s.report())));
    }

    List<SyncRecord> findSyncs(String integration, int limit) {
        return Sql.query(connection, "SELECT " + SYNC + " FROM integration_syncs WHERE integration = ? "
                + "ORDER BY started_at DESC, resync_id DESC LIMIT ?", List.of(integration, limit), IntegrationRows::sync);
    }

    List<SyncRecord> findSyncsInState(String state) {
        return Sql.query(connection, "SELECT " + SYNC + " FROM integration_syncs WHERE state = ? ORDER BY started_at, integration",
                List.of(state), IntegrationRows::sync);
    }

    boolean replaceSyncIfState(SyncRecord s, String expectedState) {
        return Sql.update(connection, "UPDATE integration_syncs SET state = ?, finished_at = ?, report = ? "
                        + "WHERE integration = ? AND resync_id = ? AND state = ?",
                Arrays.asList(s.state(), Timestamps.format(s.finishedAt()), Json.write(s.report()), s.integration(), s.resyncId(),
                        expectedState)) == 1;
    }

    Optional<SyncRecord> findSync(String integration, String resyncId) {
        return Sql.queryOne(connection, "SELECT " + SYNC + " FROM integration_syncs WHERE integration = ? AND resync_id = ?",
                List.of(integration, resyncId), IntegrationRows::sync);
    }

    void appendEvents(List<SyncEvent> events) {
        if (events.isEmpty()) return;
        List<List<Object>> rows = new ArrayList<>(events.size());
        for (SyncEvent e : events) {
            rows.add(Arrays.asList(e.integration(), e.resyncId(), Timestamps.format(e.timestamp()), e.level(), e.kind(), e.message()));
        }
        Sql.batch(connection, "INSERT INTO integration_events (" + EVENT + ") VALUES (?, ?, ?, ?, ?, ?)", rows);
    }

    List<SyncEvent> findEvents(SyncEventQuery query) {
        StringBuilder where = new StringBuilder(" WHERE integration = ?");
        List<Object> parameters = new ArrayList<>(List.of(query.integration()));
        if (query.resyncId() != null) {
            where.append(" AND resync_id = ?");
            parameters.add(query.resyncId());
        }
        if (query.level() != null) {
            where.append(" AND level = ?");
            parameters.add(query.level());
        }
        if (query.kind() != null) {
            where.append(query.kind().isEmpty() ? " AND kind IS NULL" : " AND kind = ?");
            if (!query.kind().isEmpty()) parameters.add(query.kind());
        }
        if (query.before() != null) {
            where.append(" AND seq < ?");
            parameters.add(query.before());
        }
        parameters.add(query.limit());
        return Sql.query(connection, "SELECT " + EVENT + ", seq FROM integration_events" + where + " ORDER BY seq DESC LIMIT ?",
                parameters, IntegrationRows::event);
    }

    private static Installation installation(ResultSet row) throws SQLException {
        return new Installation(row.getString(1), row.getString(2), row.getString(3),
                Json.readObject(row.getString(4)), Json.readObject(row.getString(5)), row.getInt(6),
                row.getInt(7) != 0, Timestamps.parse(row.getString(8)), Timestamps.parse(row.getString(9)));
    }

    private static SyncRecord sync(ResultSet row) throws SQLException {
        return new SyncRecord(row.getString(1), row.getString(2), row.getString(3), Timestamps.parse(row.getString(4)),
                Timestamps.parse(row.getString(5)), Json.readObject(row.getString(6)));
    }

    private static SyncEvent event(ResultSet row) throws SQLException {
        return new SyncEvent(row.getString(1), row.getString(2), Timestamps.parse(row.getString(3)), row.getString(4),
                row.getString(5), row.getString(6), row.getLong(7));
    }
}
