package dev.portolan.catalog.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.integration.ResyncOrigin;

import java.time.Instant;
import java.util.List;

/**
 * One change to the catalog, as {@code GET /v1/audit-log} shows it.
 *
 * @param id           assigned by the store (null before it is stored)
 * @param resourceType {@code blueprint} or {@code entity}
 * @param identifier   the changed blueprint's or entity's identifier
 * @param blueprint    the blueprint (of the entity, or the blueprint itself)
 * @param action       {@link AuditAction}
 * @param status       {@code SUCCESS} or {@code FAILURE}
 * @param origin       who: the credential's client id, or {@code integration:<id>}
 * @param context      e.g. the integration identifier when an integration wrote it; may be null
 * @param changedFields top-level fields whose value changed ({@code properties.url}, {@code title}, ...)
 * @param diff         {@code {before, after}} as stored (null members for create/delete); may be null
 * @param resync       the resync (and resource) that made the change; null when no resync made it
 */
public record AuditRecord(
        String id,
        Instant timestamp,
        String resourceType,
        String identifier,
        String blueprint,
        AuditAction action,
        String status,
        String origin,
        String context,
        List<String> changedFields,
        JsonNode diff,
        String message,
        ResyncOrigin resync) {

    public AuditRecord(String id, Instant timestamp, String resourceType, String identifier, String blueprint, AuditAction action,
                       String status, String origin, String context, List<String> changedFields, JsonNode diff, String message) {
        this(id, timestamp, resourceType, identifier, blueprint, action, status, origin, context, changedFields, diff, message, null);
    }
}
