package dev.portolan.catalog.audit;

import java.time.Instant;

/**
 * Filters of {@code GET /v1/audit-log}; null means "any". Results are newest first.
 *
 * @param identifier  the audit record's own id (Port's meaning of this filter)
 * @param entity      an entity identifier (resource type entity only)
 * @param limit       1..1000
 */
public record AuditQuery(String identifier, String blueprint, String entity, AuditAction action,
                         String status, String resourceType, String origin, Instant from, Instant to, int limit) {}
