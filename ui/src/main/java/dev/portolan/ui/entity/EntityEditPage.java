package dev.portolan.ui.entity;

import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.ui.UiServices;
import dev.portolan.ui.web.Frame;
import dev.portolan.ui.web.Links;
import dev.portolan.ui.web.Section;
import dev.portolan.ui.web.Templates;
import dev.portolan.ui.web.UiRoutes;
import dev.portolan.ui.web.Words;
import io.javalin.http.Context;

/**
 * {@code GET/POST /catalog/{blueprint}/entities/{identifier}/edit}: the entity form. A save is a
 * replace through the entity service (as {@code PUT} of the API: same validation, same audit);
 * when refused, the form comes back with each problem at its field and nothing is saved.
 */
public final class EntityEditPage {

    private final UiServices services;
    private final Templates templates;

    public EntityEditPage(UiServices services, Templates templates) {
        this.services = services;
        this.templates = templates;
    }

    public void register(UiRoutes routes) {
        routes.get("/catalog/{blueprint}/entities/{identifier}/edit", this::show);
        routes.post("/catalog/{blueprint}/entities/{identifier}/edit", this::save);
    }

    /** The edit page: the form, and where it goes. */
    public record EditView(String blueprint, String blueprintTitle, String identifier, String title, EntityForm form,
                           String action, String entityHref) {}

    private void show(Context ctx) {
        Blueprint blueprint = services.catalog().blueprints().get(ctx.pathParam("blueprint"));
        Entity entity = services.catalog().entities().get(blueprint.identifier(), ctx.pathParam("identifier"));
        render(ctx, blueprint, entity.identifier(), Words.titleOf(entity.title(), entity.identifier()), EntityForm.of(blueprint, entity));
    }

    private void save(Context ctx) {
        Blueprint blueprint = services.catalog().blueprints().get(ctx.pathParam("blueprint"));
        Entity entity = services.catalog().entities().get(blueprint.identifier(), ctx.pathParam("identifier"));
        String title = Words.titleOf(entity.title(), entity.identifier());
        EntityForm form = EntityForm.posted(blueprint, ctx);
        EntityForm.Parsed parsed = form.toBody();
        if (!parsed.unreadable().isEmpty()) {
            ctx.status(422);
            render(ctx, blueprint, entity.identifier(), title, form.withViolations(parsed.unreadable(), "Some values cannot be read"));
            return;
        }
        try {
            services.catalog().entities().change(blueprint.identifier(), entity.identifier(), parsed.body(), false, false,
                    UiRoutes.signedIn(ctx).actor());
        } catch (CatalogException e) {
            ctx.status(e.problem().httpStatus());
            render(ctx, blueprint, entity.identifier(), title, form.withViolations(e.violations(), e.getMessage()));
            return;
        }
        ctx.redirect(Links.entity(blueprint.identifier(), entity.identifier()));
    }

    private void render(Context ctx, Blueprint blueprint, String identifier, String title, EntityForm form) {
        String href = Links.entity(blueprint.identifier(), identifier);
        int status = ctx.status().getCode();
        templates.page(ctx, "entity/edit.jte", Frame.of(ctx, "Edit " + title, Section.CATALOG),
                new EditView(blueprint.identifier(), Words.titleOf(blueprint.title(), blueprint.identifier()), identifier, title,
                        form, href + "/edit", href));
        ctx.status(status);
    }
}
