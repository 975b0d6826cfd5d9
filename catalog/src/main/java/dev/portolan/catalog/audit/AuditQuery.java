package dev.portolan.catalog.audit;

import java.time.Instant;

/**
 * Filters of {@code GET /v1/audit-log}; null means "any". Results are newest first.
 *
 * @param identifier  the audit record's own id (Port's meaning of this filter)
 * @param entity      an entity identifier (resource type entity only)
 * @param resyncId    only the changes one resync made ({@link AuditRecord#resync()})
 * @param before      paging: only records older than the record with this id (the last of the previous page)
 * @param limit       1..1000
 */
public record AuditQuery(String identifier, String blueprint, String entity, AuditAction action,
                         String status, String resourceType, String origin, Instant from, Instant to, int limit,
                         String resyncId, String before) {

    public AuditQuery(String identifier, String blueprint, String entity, AuditAction action,
                      String status, String resourceType, String origin, Instant from, Instant to, int limit) {
        this(identifier, blueprint, entity, action, status, resourceType, origin, from, to, limit, null, null);
    }

    /** Every change one resync made, newest first. */
    public static AuditQuery ofResync(String resyncId, AuditAction action, String blueprint, int limit, String before) {
        return new AuditQuery(null, blueprint, null, action, null, "entity", null, null, null, limit, resyncId, before);
    }
}
