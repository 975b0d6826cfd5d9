package dev.portolan.ui.datasources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.sync.spi.Integration;
import dev.portolan.ui.UiServices;
import dev.portolan.ui.web.Frame;
import dev.portolan.ui.web.Section;
import dev.portolan.ui.web.Templates;
import dev.portolan.ui.web.UiRoutes;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /datasources/{id}/settings}: edit the title, schedule and settings (a secret left empty
 * keeps its stored value; none is ever sent to the browser), and uninstall, with or without the
 * entities the integration wrote. Through the same service calls as the API.
 */
public final class SettingsTab {

    private final UiServices services;
    private final Templates templates;

    public SettingsTab(UiServices services, Templates templates) {
        this.services = services;
        this.templates = templates;
    }

    public void register(UiRoutes routes) {
        routes.get("/datasources/{id}/settings", this::show);
        routes.post("/datasources/{id}/settings", this::save);
        routes.post("/datasources/{id}/uninstall", this::uninstall);
    }

    private void show(Context ctx) {
        IntegrationHeader header = IntegrationHeader.of(services, ctx.pathParam("id"), "settings");
        Installation installation = services.integrations().get(header.identifier());
        render(ctx, header, installation, installation.title(), String.valueOf(installation.scheduledResyncInterval()),
                services.integrations().redactedSettings(installation), Map.of(), null, "1".equals(ctx.queryParam("saved")));
    }

    private void save(Context ctx) {
        UiRoutes.requireAdmin(ctx);
        IntegrationHeader header = IntegrationHeader.of(services, ctx.pathParam("id"), "settings");
        Installation installation = services.integrations().get(header.identifier());
        Map<String, String> problems = new LinkedHashMap<>();
        ObjectNode settings = installation.remote() ? null : form(installation).read(ctx, true, problems);
        String title = DataSourcesPage.value(ctx, "title");
        String interval = DataSourcesPage.value(ctx, "scheduledResyncInterval");
        Integer minutes = DataSourcesPage.minutes(interval, problems);
        String general = null;
        if (problems.isEmpty()) {
            try {
                services.integrations().update(installation.identifier(), settings, title.isEmpty() ? null : title, minutes);
                ctx.redirect(header.path() + "/settings?saved=1");
                return;
            } catch (CatalogException e) {
                if (e.violations().isEmpty()) general = e.getMessage();
                problems.putAll(SettingsForm.errors(e.violations()));
            }
        }
        ctx.status(422);
        render(ctx, header, installation, title, interval, settings, problems, general, false);
    }

    private void uninstall(Context ctx) {
        UiRoutes.requireAdmin(ctx);
        String id = services.integrations().get(ctx.pathParam("id")).identifier();
        int deleted = services.integrations().uninstall(id, ctx.formParam("deleteEntities") != null);
        ctx.redirect("/datasources?uninstalled=" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
                + "&deleted=" + deleted);
    }

    private void render(Context ctx, IntegrationHeader header, Installation installation, String title, String interval,
                        com.fasterxml.jackson.databind.JsonNode values, Map<String, String> errors, String general, boolean saved) {
        List<SettingField> fields = installation.remote() ? List.of() : form(installation).fields(values, errors);
        templates.page(ctx, "datasources/settings.jte", Frame.of(ctx, header.title() + " · Settings", Section.DATASOURCES),
                new SettingsView(header, title == null ? "" : title, interval, fields, errors, general, saved));
    }

    private SettingsForm form(Installation installation) {
        Integration type = services.registry().get(installation.type());
        return new SettingsForm(type.settings());
    }

    /** The Settings tab. {@code errors} by field ({@code title}, {@code scheduledResyncInterval} or a setting). */
    public record SettingsView(IntegrationHeader header, String title, String interval, List<SettingField> settings,
                               Map<String, String> errors, String general, boolean saved) {

        public String error(String field) {
            return errors.get(field);
        }
    }
}
