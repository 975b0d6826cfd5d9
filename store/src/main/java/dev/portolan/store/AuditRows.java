package dev.portolan.store;

import dev.portolan.catalog.audit.AuditAction;
import dev.portolan.catalog.audit.AuditQuery;
import dev.portolan.catalog.audit.AuditRecord;
import dev.portolan.catalog.integration.ResyncOrigin;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The {@code audit_log} table: appended in batches, read newest first with optional filters. */
final class AuditRows {

    private static final String COLUMNS = "id, ts, resource_type, identifier, blueprint, action, status, origin, "
            + "context, changed_fields, diff, message, resync_id, resource";

    private final Connection connection;

    AuditRows(Connection connection) {
        this.connection = connection;
    }

    /** Records without an id get a time-ordered UUID ({@link AuditIds}). */
    void append(List<AuditRecord> records) {
        List<List<Object>> rows = new ArrayList<>(records.size());
        long now = System.currentTimeMillis();
        for (AuditRecord record : records) {
            rows.add(Arrays.asList(
                    record.id() != null ? record.id() : AuditIds.next(now),
                    Timestamps.format(record.timestamp() != null ? record.timestamp() : java.time.Instant.now()),
                    record.resourceType(), record.identifier(), record.blueprint(),
                    record.action() == null ? null : record.action().name(),
                    record.status(), record.origin(), record.context(),
                    record.changedFields() == null ? null : Json.writeStrings(record.changedFields()),
                    Json.write(record.diff()), record.message(),
                    record.resync() == null ? null : record.resync().resyncId(),
                    record.resync() == null ? null : record.resync().kindIdentifier()));
        }
        for (List<List<Object>> chunk : Sql.chunks(rows)) {
            Sql.batch(connection, "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", chunk);
        }
    }

    List<AuditRecord> find(AuditQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        filter(where, parameters, "id", query.identifier()); // Port's "identifier" filter is the record's own id
        filter(where, parameters, "blueprint", query.blueprint());
        if (query.entity() != null) {
            where.append(" AND identifier = ? AND resource_type = 'entity'");
            parameters.add(query.entity());
        }
        filter(where, parameters, "action", query.action() == null ? null : query.action().name());
        filter(where, parameters, "status", query.status());
        filter(where, parameters, "resource_type", query.resourceType());
        filter(where, parameters, "origin", query.origin());
        filter(where, parameters, "resync_id", query.resyncId());
        if (query.before() != null) {
            // Keyset paging in the listing's own order (ts, seq), from the last record of the previous page.
            where.append(" AND (ts < (SELECT b.ts FROM audit_log b WHERE b.id = ?) OR (ts = (SELECT b.ts FROM audit_log b WHERE b.id = ?)"
                    + " AND seq < (SELECT b.seq FROM audit_log b WHERE b.id = ?)))");
            parameters.addAll(List.of(query.before(), query.before(), query.before()));
        }
        if (query.from() != null) {
            where.append(" AND ts >= ?");
            parameters.add(Timestamps.format(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND ts <= ?");
            parameters.add(Timestamps.format(query.to()));
        }
        parameters.add(query.limit());
        return Sql.query(connection, "SELECT " + COLUMNS + " FROM audit_log" + where + " ORDER BY ts DESC, seq DESC LIMIT ?",
                parameters, AuditRows::map);
    }

    private static void filter(StringBuilder where, List<Object> parameters, String column, String value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            parameters.add(value);
        }
    }

    private static ResyncOrigin resync(ResultSet row) throws SQLException {
        String resyncId = row.getString("resync_id");
        if (resyncId == null) return null;
        return ResyncOrigin.parse(resyncId, row.getString("resource"));
    }

    private static AuditRecord map(ResultSet row) throws SQLException {
        String action = row.getString("action");
        String changedFields = row.getString("changed_fields");
        return new AuditRecord(
                row.getString("id"),
                Timestamps.parse(row.getString("ts")),
                row.getString("resource_type"),
                row.getString("identifier"),
                row.getString("blueprint"),
                action == null ? null : AuditAction.valueOf(action),
                row.getString("status"),
                row.getString("origin"),
                row.getString("context"),
                changedFields == null ? null : Json.readStrings(changedFields),
                Json.read(row.getString("diff")),
                row.getString("message"),
                resync(row));
    }
}
