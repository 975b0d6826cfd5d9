package dev.portolan.ui.datasources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.sync.host.SyncStatusFeed;
import dev.portolan.ui.UiServices;
import dev.portolan.ui.web.Frame;
import dev.portolan.ui.web.Section;
import dev.portolan.ui.web.Templates;
import dev.portolan.ui.web.UiRoutes;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code /datasources/{id}}: the Sync Status tab, its Resync button, and the server-sent events
 * that move its counters while a resync runs (each event is the status panel, rendered here).
 */
public final class SyncStatusTab {

    private final UiServices services;
    private final Templates templates;

    public SyncStatusTab(UiServices services, Templates templates) {
        this.services = services;
        this.templates = templates;
    }

    public void register(UiRoutes routes) {
        routes.get("/datasources/{id}", this::show);
        routes.post("/datasources/{id}/resync", this::resync);
        routes.get("/datasources/{id}/status/stream", this::stream);
    }

    private void show(Context ctx) {
        IntegrationHeader header = IntegrationHeader.of(services, ctx.pathParam("id"), "status");
        ObjectNode report = services.feed().current(header.identifier());
        templates.page(ctx, "datasources/status.jte", Frame.of(ctx, header.title() + " · Sync status", Section.DATASOURCES),
                new StatusPage(header, report == null ? null : SyncStatusView.of(report)));
    }

    /** The Sync Status page: the header and the latest (or running) resync, null when none ran. */
    public record StatusPage(IntegrationHeader header, SyncStatusView status) {}

    /** Starts a resync here, or, for an integration that runs elsewhere, records the request (the header then says so). */
    private void resync(Context ctx) {
        UiRoutes.requireAdmin(ctx);
        String id = services.integrations().get(ctx.pathParam("id")).identifier();
        services.manualResync().ask(id);
        ctx.redirect("/datasources/" + id);
    }

    /** {@code text/event-stream}: event {@code status} with the panel's HTML at once and on every change, then {@code end}. */
    private void stream(Context ctx) throws IOException {
        String id = services.integrations().get(ctx.pathParam("id")).identifier();
        ctx.res().setContentType("text/event-stream;charset=utf-8");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        OutputStream out = ctx.res().getOutputStream();
        services.feed().follow(id, new SyncStatusFeed.Listener() {
            @Override
            public boolean onStatus(ObjectNode report) {
                return send(out, "status", templates.html("datasources/status_panel.jte", Map.of("status", SyncStatusView.of(report))));
            }

            @Override
            public boolean onQuiet() {
                return send(out, null, null);
            }
        });
        send(out, "end", "");
    }

    /** Writes one event (or, with no name, a comment that keeps the connection open); false once the reader has gone. */
    private static boolean send(OutputStream out, String event, String data) {
        StringBuilder text = new StringBuilder();
        if (event == null) {
            text.append(": still syncing\n\n");
        } else {
            text.append("event: ").append(event).append('\n');
            data.lines().forEach(line -> text.append("data: ").append(line).append('\n'));
            if (data.isEmpty()) text.append("data: \n");
            text.append('\n');
        }
        try {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
