package dev.portolan.ui.datasources;

import dev.portolan.catalog.audit.AuditAction;
import dev.portolan.catalog.audit.AuditQuery;
import dev.portolan.catalog.audit.AuditRecord;
import dev.portolan.catalog.integration.SyncRecord;
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
 * {@code /datasources/{id}/history}: every kept resync (Port keeps only the latest), newest first,
 * filterable by state; one opened as the Sync Status view with what it changed (entities created,
 * updated with their changed fields, deleted), filterable by action and blueprint, paged.
 * The URL holds the whole state.
 */
public final class HistoryTab {

    static final int SYNCS = 25;
    static final int CHANGES = 50;

    private final UiServices services;
    private final Templates templates;

    public HistoryTab(UiServices services, Templates templates) {
        this.services = services;
        this.templates = templates;
    }

    public void register(UiRoutes routes) {
        routes.get("/datasources/{id}/history", this::show);
    }

    private void show(Context ctx) {
        IntegrationHeader header = IntegrationHeader.of(services, ctx.pathParam("id"), "history");
        HistoryView.Filters filters = new HistoryView.Filters(blank(ctx.queryParam("state")), blank(ctx.queryParam("resync")),
                action(ctx.queryParam("action")), blank(ctx.queryParam("blueprint")), blank(ctx.queryParam("before")),
                shown(ctx.queryParam("shown")));
        List<SyncRecord> kept = services.installations().reports(header.identifier(), filters.shown() + 1);
        boolean more = kept.size() > filters.shown();
        List<HistoryView.SyncRow> rows = kept.stream().limit(filters.shown())
                .filter(s -> filters.state() == null || filters.state().equals(s.state()))
                .map(s -> HistoryView.SyncRow.of(SyncStatusView.of(s.report())))
                .toList();
        SyncStatusView opened = null;
        List<AuditRecord> changes = List.of();
        String next = null;
        if (filters.resync() != null) {
            SyncRecord record = services.installations().report(header.identifier(), filters.resync())
                    .orElseThrow(() -> PageException.notFound("This integration has no resync '" + filters.resync() + "' (any more)."));
            opened = SyncStatusView.of(record.report());
            changes = services.catalog().audit(AuditQuery.ofResync(record.resyncId(),
                    filters.action() == null ? null : AuditAction.valueOf(filters.action()), filters.blueprint(), CHANGES, filters.before()));
            next = changes.size() < CHANGES ? null : changes.getLast().id();
        }
        templates.page(ctx, "datasources/history.jte", Frame.of(ctx, header.title() + " · History", Section.DATASOURCES),
                new HistoryView(header, filters, rows, more, opened, changes.stream().map(ChangeRow::of).toList(), next,
                        services.catalog().blueprints().list().stream().map(b -> b.identifier()).toList()));
    }

    private static String action(String value) {
        String action = blank(value);
        if (action == null) return null;
        try {
            return AuditAction.valueOf(action.toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw PageException.badRequest("'" + value + "' is not an action; choose created, updated or deleted.");
        }
    }

    private static int shown(String value) {
        try {
            return value == null ? SYNCS : Math.max(SYNCS, Math.min(500, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return SYNCS;
        }
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
