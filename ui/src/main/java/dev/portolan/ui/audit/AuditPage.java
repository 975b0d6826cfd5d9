package dev.portolan.ui.audit;

import dev.portolan.catalog.audit.AuditAction;
import dev.portolan.catalog.audit.AuditQuery;
import dev.portolan.catalog.audit.AuditRecord;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.ui.UiServices;
import dev.portolan.ui.web.Frame;
import dev.portolan.ui.web.Links;
import dev.portolan.ui.web.Section;
import dev.portolan.ui.web.Templates;
import dev.portolan.ui.web.UiRoutes;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code GET /audit}: every change to the catalog, read through the same audit query as
 * {@code GET /v1/audit-log}. Paged by time: "older" continues just before the last record shown.
 */
public final class AuditPage {

    private static final int PAGE = 50;

    private final UiServices services;
    private final Templates templates;

    public AuditPage(UiServices services, Templates templates) {
        this.services = services;
        this.templates = templates;
    }

    public void register(UiRoutes routes) {
        routes.get("/audit", this::show);
    }

    private void show(Context ctx) {
        AuditView.Filters filters = new AuditView.Filters(param(ctx, "blueprint"), param(ctx, "entity"),
                oneOf(param(ctx, "action"), Set.of("CREATE", "UPDATE", "DELETE")), oneOf(param(ctx, "status"), Set.of("SUCCESS", "FAILURE")),
                oneOf(param(ctx, "resources"), Set.of("entity", "blueprint")), param(ctx, "origin"), param(ctx, "from"), param(ctx, "to"));
        String error = null;
        Instant from = null;
        Instant to = null;
        try {
            from = instant(filters.from(), "from");
            to = instant(filters.to(), "to");
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }
        List<AuditRecord> records = error != null ? List.of() : services.catalog().audit(new AuditQuery(null, filters.blueprint(),
                filters.entity(), filters.action() == null ? null : AuditAction.valueOf(filters.action()), filters.status(),
                filters.resources(), filters.origin(), from, to, PAGE + 1));
        List<AuditView.Line> lines = records.stream().limit(PAGE).map(AuditPage::line).toList();
        String older = records.size() > PAGE ? "/audit" + query(filters, records.get(PAGE - 1).timestamp().minusNanos(1).toString()) : null;
        String newest = filters.to() != null ? "/audit" + query(filters, null) : null;
        List<String> blueprints = services.catalog().blueprints().list().stream().map(Blueprint::identifier).toList();
        templates.page(ctx, "audit/page.jte", Frame.of(ctx, "Audit log", Section.AUDIT),
                new AuditView(filters, blueprints, lines, older, newest, error));
    }

    private static AuditView.Line line(AuditRecord r) {
        String href = null;
        if (r.action() != AuditAction.DELETE && r.identifier() != null) {
            href = "entity".equals(r.resourceType()) ? Links.entity(r.blueprint(), r.identifier()) : Links.blueprint(r.identifier());
        }
        return new AuditView.Line(r.timestamp().toString(), r.action().name(), r.status(), r.resourceType(), r.identifier(),
                r.blueprint(), href, r.origin(), r.context(), r.changedFields() == null ? List.of() : r.changedFields(), r.message());
    }

    private static String query(AuditView.Filters f, String to) {
        List<String> parts = new ArrayList<>();
        add(parts, "blueprint", f.blueprint());
        add(parts, "entity", f.entity());
        add(parts, "action", f.action());
        add(parts, "status", f.status());
        add(parts, "resources", f.resources());
        add(parts, "origin", f.origin());
        add(parts, "from", f.from());
        add(parts, "to", to);
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) parts.add(name + "=" + Links.param(value));
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String oneOf(String value, Set<String> allowed) {
        if (value == null) return null;
        String upper = value.toUpperCase(Locale.ROOT);
        if (allowed.contains(value)) return value;
        return allowed.contains(upper) ? upper : null;
    }

    /** ISO-8601 with an offset ({@code 2026-12-01T00:00:00Z}) or a local date-time as a browser's picker sends it (taken as UTC). */
    private static Instant instant(String value, String name) {
        if (value == null) return null;
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(value).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("'" + name + "' must be a date and time like 2026-12-01T09:00:00Z, not '" + value + "'");
            }
        }
    }
}
