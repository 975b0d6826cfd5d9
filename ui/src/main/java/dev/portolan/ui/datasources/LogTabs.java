package dev.portolan.ui.datasources;

import dev.portolan.catalog.Actor;
import dev.portolan.catalog.audit.AuditAction;
import dev.portolan.catalog.audit.AuditQuery;
import dev.portolan.catalog.audit.AuditRecord;
import dev.portolan.catalog.integration.SyncEvent;
import dev.portolan.catalog.integration.SyncEventQuery;
import dev.portolan.ui.UiServices;
import dev.portolan.ui.web.Frame;
import dev.portolan.ui.web.PageException;
import dev.portolan.ui.web.Section;
import dev.portolan.ui.web.Templates;
import dev.portolan.ui.web.UiRoutes;
import io.javalin.http.Context;

import java.util.List;
import java.util.Locale;

/**
 * The Event log and Audit log tabs of an integration: newest first, filtered (level, kind, resync;
 * action, blueprint, entity), paged with a cursor, the whole state in the URL.
 */
public final class LogTabs {

    static final int PAGE = 50;
    private static final List<String> LEVELS = List.of("ERROR", "WARN", "INFO");

    private final UiServices services;
    private final Templates templates;

    public LogTabs(UiServices services, Templates templates) {
        this.services = services;
        this.templates = templates;
    }

    public void register(UiRoutes routes) {
        routes.get("/datasources/{id}/events", this::events);
        routes.get("/datasources/{id}/audit", this::audit);
    }

    private void events(Context ctx) {
        IntegrationHeader header = IntegrationHeader.of(services, ctx.pathParam("id"), "events");
        String level = HistoryTab.blank(ctx.queryParam("level"));
        if (level != null && !LEVELS.contains(level)) throw PageException.badRequest("'" + level + "' is not a level; choose " + LEVELS + ".");
        String kind = ctx.queryParam("kind") == null || ctx.queryParam("kind").isEmpty() ? null
                : ctx.queryParam("kind").equals("resync") ? "" : ctx.queryParam("kind");
        String resync = HistoryTab.blank(ctx.queryParam("resync"));
        Long before = cursor(ctx.queryParam("before"));
        List<SyncEvent> lines = services.installations().events(new SyncEventQuery(header.identifier(), resync, level, kind, before, PAGE));
        String next = lines.size() < PAGE ? null : String.valueOf(lines.getLast().seq());
        var status = services.feed().current(header.identifier());
        List<String> kinds = status == null ? List.of() : SyncStatusView.of(status).resources().stream().map(r -> r.kindIdentifier()).toList();
        templates.page(ctx, "datasources/events.jte", Frame.of(ctx, header.title() + " · Event log", Section.DATASOURCES),
                new EventLogView(header, level, ctx.queryParam("kind"), resync, kinds, lines.stream().map(EventLogView.Line::of).toList(), next));
    }

    private void audit(Context ctx) {
        IntegrationHeader header = IntegrationHeader.of(services, ctx.pathParam("id"), "audit");
        String action = HistoryTab.blank(ctx.queryParam("action"));
        AuditAction parsed;
        try {
            parsed = action == null ? null : AuditAction.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw PageException.badRequest("'" + action + "' is not an action; choose created, updated or deleted.");
        }
        String blueprint = HistoryTab.blank(ctx.queryParam("blueprint"));
        String entity = HistoryTab.blank(ctx.queryParam("entity"));
        String before = HistoryTab.blank(ctx.queryParam("before"));
        List<AuditRecord> records = services.catalog().audit(new AuditQuery(null, blueprint, entity, parsed, null, "entity",
                Actor.integration(header.identifier()).origin(), null, null, PAGE, null, before));
        String next = records.size() < PAGE ? null : records.getLast().id();
        templates.page(ctx, "datasources/audit.jte", Frame.of(ctx, header.title() + " · Audit log", Section.DATASOURCES),
                new IntegrationAuditView(header, parsed == null ? null : parsed.name(), blueprint, entity,
                        services.catalog().blueprints().list().stream().map(b -> b.identifier()).toList(),
                        records.stream().map(ChangeRow::of).toList(), next));
    }

    private static Long cursor(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw PageException.badRequest("'" + value + "' is not a page of this log.");
        }
    }
}
