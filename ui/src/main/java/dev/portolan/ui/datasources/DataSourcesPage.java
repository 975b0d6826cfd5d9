package dev.portolan.ui.datasources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.sync.host.InstallRequest;
import dev.portolan.sync.spi.Integration;
import dev.portolan.ui.UiServices;
import dev.portolan.ui.web.Frame;
import dev.portolan.ui.web.Section;
import dev.portolan.ui.web.Templates;
import dev.portolan.ui.web.UiRoutes;
import dev.portolan.ui.web.Words;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /datasources}: the installed integrations with their latest resync, the types that can be
 * installed, and the install form generated from a type's declared settings.
 */
public final class DataSourcesPage {

    private final UiServices services;
    private final Templates templates;

    public DataSourcesPage(UiServices services, Templates templates) {
        this.services = services;
        this.templates = templates;
    }

    public void register(UiRoutes routes) {
        routes.get("/datasources", this::list);
        routes.get("/integration-types/{type}/install", this::installForm);
        routes.post("/integration-types/{type}/install", this::install);
    }

    private void list(Context ctx) {
        List<DataSourcesView.Installed> installed = services.integrations().list().stream().map(this::installed).toList();
        List<DataSourcesView.Installable> types = services.registry().all().stream()
                .map(i -> new DataSourcesView.Installable(i.type(), i.description())).toList();
        templates.page(ctx, "datasources/list.jte", Frame.of(ctx, "Data sources", Section.DATASOURCES),
                new DataSourcesView(installed, types, notice(ctx)));
    }

    private static String notice(Context ctx) {
        String uninstalled = ctx.queryParam("uninstalled");
        if (uninstalled == null) return null;
        String deleted = ctx.queryParam("deleted");
        return "Uninstalled '" + uninstalled + "'" + ("0".equals(deleted) || deleted == null ? "; its entities were kept."
                : "; " + deleted + " of its entities were deleted.");
    }

    private DataSourcesView.Installed installed(Installation installation) {
        JsonNode latest = services.feed().current(installation.identifier());
        SyncStatusView status = latest == null ? null : SyncStatusView.of(latest);
        return new DataSourcesView.Installed(installation.identifier(), Words.titleOf(installation.title(), installation.identifier()),
                installation.type(), installation.remote(), status == null ? null : status.state(),
                status == null ? null : status.startedAt(), status == null ? null : status.duration());
    }

    private void installForm(Context ctx) {
        UiRoutes.requireAdmin(ctx);
        Integration type = services.registry().get(ctx.pathParam("type"));
        render(ctx, type, new InstallView(type.type(), type.description(), "", "", "0",
                new SettingsForm(type.settings()).fields(null, Map.of()), Map.of(), null));
    }

    /** Installs through the same service as {@code POST /v1/integration}; refusals come back to their fields. */
    private void install(Context ctx) {
        UiRoutes.requireAdmin(ctx);
        Integration type = services.registry().get(ctx.pathParam("type"));
        SettingsForm form = new SettingsForm(type.settings());
        Map<String, String> problems = new LinkedHashMap<>();
        ObjectNode settings = form.read(ctx, false, problems);
        String identifier = value(ctx, "identifier");
        String title = value(ctx, "title");
        String interval = value(ctx, "scheduledResyncInterval");
        Integer minutes = minutes(interval, problems);
        if (problems.isEmpty()) {
            try {
                Installation installed = services.integrations().install(new InstallRequest(identifier, type.type(), title.isEmpty() ? null : title,
                        settings, null, minutes == null ? 0 : minutes));
                ctx.redirect("/datasources/" + installed.identifier());
                return;
            } catch (CatalogException e) {
                if (e.violations().isEmpty()) {
                    problems.put("", e.getMessage());
                } else {
                    problems.putAll(SettingsForm.errors(e.violations().stream().filter(v -> v.path().startsWith("settings")).toList()));
                    e.violations().stream().filter(v -> !v.path().startsWith("settings"))
                            .forEach(v -> problems.put(field(v), v.message()));
                }
            }
        }
        ctx.status(422);
        // Secrets are never sent back: their inputs come back empty.
        render(ctx, type, new InstallView(type.type(), type.description(), identifier, title, interval,
                form.fields(settings, problems), problems, problems.get("")));
    }

    private void render(Context ctx, Integration type, InstallView view) {
        templates.page(ctx, "datasources/install.jte", Frame.of(ctx, "Install " + type.type(), Section.DATASOURCES), view);
    }

    private static String field(Violation v) {
        return switch (v.path()) {
            case "installationId" -> "identifier";
            case "scheduledResyncInterval" -> "scheduledResyncInterval";
            default -> "";
        };
    }

    static Integer minutes(String text, Map<String, String> problems) {
        if (text == null || text.isBlank()) return 0;
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            problems.put("scheduledResyncInterval", "must be a whole number of minutes, got '" + text + "'");
            return null;
        }
    }

    static String value(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.trim();
    }
}
