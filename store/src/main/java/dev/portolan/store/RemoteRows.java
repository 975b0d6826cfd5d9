package dev.portolan.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.integration.RemoteState;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code remote_integrations} table: one row per integration that runs elsewhere and reports here. */
final class RemoteRows {

    private static final String COLUMNS = "integration, credential, version, changelog_destination, resync_state, "
            + "current_resync_id, resync_requested_at";

    private final Connection connection;

    RemoteRows(Connection connection) {
        this.connection = connection;
    }

    Optional<RemoteState> find(String integration) {
        return Sql.queryOne(connection, "SELECT " + COLUMNS + " FROM remote_integrations WHERE integration = ?",
                List.of(integration), RemoteRows::state);
    }

    void save(RemoteState s) {
        Sql.update(connection, "INSERT INTO remote_integrations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (integration) DO UPDATE SET credential = excluded.credential, version = excluded.version, "
                        + "changelog_destination = excluded.changelog_destination, resync_state = excluded.resync_state, "
                        + "current_resync_id = excluded.current_resync_id, resync_requested_at = excluded.resync_requested_at",
                Arrays.asList(s.integration(), s.credential(), s.version(), json(s.changelogDestination()), json(s.resyncState()),
                        s.currentResyncId(), Timestamps.format(s.resyncRequestedAt())));
    }

    void delete(String integration) {
        Sql.update(connection, "DELETE FROM remote_integrations WHERE integration = ?", List.of(integration));
    }

    private static String json(JsonNode value) {
        return value == null || value.isNull() ? null : Json.write(value);
    }

    private static RemoteState state(ResultSet row) throws SQLException {
        String destination = row.getString(4);
        String resyncState = row.getString(5);
        return new RemoteState(row.getString(1), row.getString(2), row.getString(3),
                destination == null ? null : Json.read(destination), resyncState == null ? null : Json.readObject(resyncState),
                row.getString(6), Timestamps.parse(row.getString(7)));
    }
}
