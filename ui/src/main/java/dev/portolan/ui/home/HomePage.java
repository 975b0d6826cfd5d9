package dev.portolan.ui.home;

import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.integration.SyncRecord;
import dev.portolan.ui.UiServices;
import dev.portolan.ui.web.Frame;
import dev.portolan.ui.web.Section;
import dev.portolan.ui.web.Templates;
import dev.portolan.ui.web.UiRoutes;
import dev.portolan.ui.web.Words;
import io.javalin.http.Context;

import java.time.Duration;
import java.util.List;

/** {@code GET /}: what is in the catalog and how the integrations are doing. */
public final class HomePage {

    private final UiServices services;
    private final Templates templates;

    public HomePage(UiServices services, Templates templates) {
        this.services = services;
        this.templates = templates;
    }

    public void register(UiRoutes routes) {
        routes.get("/", this::show);
        routes.post("/quickstart/git", this::quickstart);
    }

    private void show(Context ctx) {
        List<HomeView.BlueprintCount> blueprints = services.catalog().blueprints().list().stream()
                .map(this::count).toList();
        List<HomeView.IntegrationState> integrations = services.integrations().list().stream()
                .map(this::state).toList();
        HomeView.QuickstartOffer quickstart = services.quickstart().offer()
                .filter(offer -> !offer.installed())
                .map(offer -> new HomeView.QuickstartOffer(offer.directory()))
                .orElse(null);
        templates.page(ctx, "home.jte", Frame.of(ctx, "Home", Section.HOME), new HomeView(blueprints, integrations, quickstart));
    }

    /** The one-click install on the repository the server was started from; then its Sync Status. */
    private void quickstart(Context ctx) {
        UiRoutes.requireAdmin(ctx);
        ctx.redirect("/datasources/" + services.quickstart().install());
    }

    private HomeView.BlueprintCount count(Blueprint blueprint) {
        return new HomeView.BlueprintCount(blueprint.identifier(), Words.titleOf(blueprint.title(), blueprint.identifier()),
                blueprint.icon(), blueprint.description(), services.catalog().entities().count(blueprint.identifier()));
    }

    private HomeView.IntegrationState state(Installation installation) {
        List<SyncRecord> latest = services.installations().reports(installation.identifier(), 1);
        String title = Words.titleOf(installation.title(), installation.identifier());
        if (latest.isEmpty()) {
            return new HomeView.IntegrationState(installation.identifier(), title, installation.type(), null, null, null);
        }
        SyncRecord sync = latest.getFirst();
        String duration = sync.finishedAt() == null ? null : Words.duration(Duration.between(sync.startedAt(), sync.finishedAt()));
        return new HomeView.IntegrationState(installation.identifier(), title, installation.type(), sync.state(),
                sync.startedAt().toString(), duration);
    }
}
