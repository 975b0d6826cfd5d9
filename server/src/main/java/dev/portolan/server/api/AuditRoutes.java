package dev.portolan.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.audit.AuditAction;
import dev.portolan.catalog.audit.AuditQuery;
import dev.portolan.catalog.audit.AuditRecord;
import dev.portolan.catalog.json.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** {@code GET /v1/audit-log}: every change to blueprints and entities, newest first. */
public final class AuditRoutes {

    private final CatalogService catalog;

    public AuditRoutes(CatalogService catalog) {
        this.catalog = catalog;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/audit-log", this::list);
    }

    private void list(Context ctx) {
        AuditQuery query = new AuditQuery(ctx.queryParam("identifier"), ctx.queryParam("blueprint"), ctx.queryParam("entity"),
                action(ctx.queryParam("action")), status(ctx.queryParam("status")), resource(ctx.queryParam("resources")),
                ctx.queryParam("origin"), instant(ctx, "from"), instant(ctx, "to"), Requests.integer(ctx, "limit", 100, 1, 1000),
                blank(ctx.queryParam("resyncId")), blank(ctx.queryParam("before")));
        ArrayNode audits = Json.array();
        catalog.audit(query).forEach(r -> audits.add(write(r)));
        Responses.send(ctx, Responses.ok("audits", audits));
    }

    static ObjectNode write(AuditRecord r) {
        ObjectNode json = Json.object();
        json.put("identifier", r.id());
        json.put("action", r.action().name());
        json.put("resourceType", r.resourceType());
        json.put("status", r.status());
        json.put("trigger", r.timestamp().toString());
        json.put("timestamp", r.timestamp().toString());
        ObjectNode origin = json.putObject("origin");
        origin.put("type", r.context() != null ? "INTEGRATION" : "API");
        origin.put("by", r.origin());
        if (r.context() != null) origin.put("integration", r.context());
        ObjectNode context = json.putObject("context");
        context.put("blueprint", r.blueprint());
        if ("entity".equals(r.resourceType())) context.put("entity", r.identifier());
        ArrayNode changed = json.putArray("changedFields");
        r.changedFields().forEach(changed::add);
        if (r.diff() != null) json.set("diff", r.diff());
        if (r.message() != null) json.put("message", r.message());
        if (r.resync() != null) {
            // Portolan's addition: which resync (and which resource of its mapping) made the change.
            ObjectNode resync = json.putObject("resync").put("resyncId", r.resync().resyncId());
            if (r.resync().kind() != null) resync.put("kind", r.resync().kind()).put("resourceIndex", r.resync().resourceIndex());
        }
        return json;
    }

    static AuditAction action(String value) {
        if (value == null || value.isEmpty()) return null;
        try {
            return AuditAction.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Query parameter 'action' must be CREATE, UPDATE or DELETE, got '" + value + "'");
        }
    }

    private static String status(String value) {
        if (value == null || value.isEmpty()) return null;
        String upper = value.toUpperCase(Locale.ROOT);
        if (!upper.equals("SUCCESS") && !upper.equals("FAILURE")) {
            throw ApiException.badRequest("Query parameter 'status' must be SUCCESS or FAILURE, got '" + value + "'");
        }
        return upper;
    }

    private static String resource(String value) {
        if (value == null || value.isEmpty()) return null;
        if (!value.equals("entity") && !value.equals("blueprint")) {
            throw ApiException.badRequest("Query parameter 'resources' must be entity or blueprint, got '" + value + "'");
        }
        return value;
    }

    private static String blank(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Instant instant(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) return null;
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Query parameter '" + name + "' must be an ISO 8601 date-time, got '" + value + "'");
        }
    }
}
