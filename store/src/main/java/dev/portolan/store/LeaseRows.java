package dev.portolan.store;

import dev.portolan.catalog.integration.ResyncLease;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code resync_leases} table. Taking a lease is one conditional upsert, so two replicas that
 * try at once cannot both get it: the row's primary key serialises them, and the losing statement
 * changes no row.
 */
final class LeaseRows {

    private static final String COLUMNS = "integration, holder, resync_id, expires_at, abort_requested";

    private final Connection connection;

    LeaseRows(Connection connection) {
        this.connection = connection;
    }

    Optional<ResyncLease> find(String integration) {
        return Sql.queryOne(connection, "SELECT " + COLUMNS + " FROM resync_leases WHERE integration = ?",
                List.of(integration), LeaseRows::lease);
    }

    boolean take(ResyncLease lease, Instant now) {
        return Sql.update(connection, "INSERT INTO resync_leases (" + COLUMNS + ") VALUES (?, ?, ?, ?, 0) "
                        + "ON CONFLICT (integration) DO UPDATE SET holder = excluded.holder, resync_id = excluded.resync_id, "
                        + "expires_at = excluded.expires_at, abort_requested = 0 WHERE resync_leases.expires_at <= ?",
                Arrays.asList(lease.integration(), lease.holder(), lease.resyncId(), Timestamps.format(lease.expiresAt()),
                        Timestamps.format(now))) == 1;
    }

    Optional<ResyncLease> renew(String integration, String holder, String resyncId, Instant expiresAt) {
        int renewed = Sql.update(connection, "UPDATE resync_leases SET expires_at = ? WHERE integration = ? AND holder = ? "
                + "AND resync_id = ?", List.of(Timestamps.format(expiresAt), integration, holder, resyncId));
        return renewed == 1 ? find(integration) : Optional.empty();
    }

    void requestAbort(String integration) {
        Sql.update(connection, "UPDATE resync_leases SET abort_requested = 1 WHERE integration = ?", List.of(integration));
    }

    void release(String integration, String holder, String resyncId) {
        Sql.update(connection, "DELETE FROM resync_leases WHERE integration = ? AND holder = ? AND resync_id = ?",
                List.of(integration, holder, resyncId));
    }

    private static ResyncLease lease(ResultSet row) throws SQLException {
        return new ResyncLease(row.getString(1), row.getString(2), row.getString(3), Timestamps.parse(row.getString(4)),
                row.getInt(5) == 1);
    }
}
