package dev.portolan.ui.builder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.Actor;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.BlueprintJson;
import dev.portolan.catalog.json.Json;
import dev.portolan.ui.UiServices;
import dev.portolan.ui.values.PropertyValues;
import dev.portolan.ui.web.Frame;
import dev.portolan.ui.web.Links;
import dev.portolan.ui.web.Section;
import dev.portolan.ui.web.Templates;
import dev.portolan.ui.web.UiRoutes;
import dev.portolan.ui.web.Words;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The builder: {@code GET /builder} (all blueprints and the relation graph),
 * {@code GET /builder/{id}} (one blueprint, its edit form and JSON editor), and, for admins only,
 * {@code POST /builder/new} (create from the form), {@code POST /builder} (create from JSON),
 * {@code POST /builder/{id}/form} (save the edit form), {@code POST /builder/{id}} (save the JSON) and
 * {@code POST /builder/{id}/delete}. Writes go through the blueprint service, as the API's.
 */
public final class BuilderPage {

    private static final String NEW_BLUEPRINT = """
            {
              "identifier": "",
              "title": "",
              "icon": "",
              "description": "",
              "schema": {
                "properties": {
                  "url": {"type": "string", "format": "url", "title": "URL"}
                },
                "required": []
              },
              "relations": {}
            }
            """;

    private final UiServices services;
    private final Templates templates;

    public BuilderPage(UiServices services, Templates templates) {
        this.services = services;
        this.templates = templates;
    }

    public void register(UiRoutes routes) {
        routes.get("/builder", this::index);
        routes.get("/builder/new", this::newForm);
        routes.post("/builder", this::create);
        routes.post("/builder/new", this::createFromForm);
        routes.get("/builder/{blueprint}", this::show);
        routes.post("/builder/{blueprint}", this::save);
        routes.post("/builder/{blueprint}/form", this::editFromForm);
        routes.post("/builder/{blueprint}/delete", this::delete);
    }

    private void index(Context ctx) {
        List<Blueprint> blueprints = services.catalog().blueprints().list();
        List<BuilderView.Summary> summaries = blueprints.stream().map(b -> new BuilderView.Summary(b.identifier(),
                Words.titleOf(b.title(), b.identifier()), b.description(), b.properties().definitions().size(), b.relations().size(),
                services.catalog().entities().count(b.identifier()), Links.blueprint(b.identifier()))).toList();
        templates.page(ctx, "builder/index.jte", Frame.of(ctx, "Builder", Section.BUILDER),
                new BuilderView(summaries, RelationGraph.of(blueprints)));
    }

    private void newForm(Context ctx) {
        UiRoutes.requireAdmin(ctx);
        renderNew(ctx, NEW_BLUEPRINT, null, List.of(), BlueprintForm.empty(BlueprintForm.ROWS, 2));
    }

    private void createFromForm(Context ctx) {
        UiRoutes.requireAdmin(ctx);
        BlueprintForm form = BlueprintForm.from(ctx, null);
        submit(ctx, form, actor -> services.catalog().blueprints().create(form.toJson(), actor),
                shown -> renderNew(ctx, NEW_BLUEPRINT, null, List.of(), shown));
    }

    /** The edit form's post: merged into the stored blueprint inside the service's write, and saved as a PUT is. */
    private void editFromForm(Context ctx) {
        UiRoutes.requireAdmin(ctx);
        String identifier = services.catalog().blueprints().get(ctx.pathParam("blueprint")).identifier();
        BlueprintForm form = BlueprintForm.from(ctx, identifier);
        submit(ctx, form, actor -> services.catalog().blueprints().edit(identifier, form::mergeInto, actor), shown -> {
            Blueprint stored = services.catalog().blueprints().get(identifier);
            render(ctx, stored, PropertyValues.pretty(BlueprintJson.write(stored)), null, List.of(), shown);
        });
    }

    /**
     * A post of the blueprint form, to create or to edit: "More rows" shows the same form with more empty rows;
     * otherwise {@code write} saves it, and a refusal shows the form again with each problem at its field.
     */
    private void submit(Context ctx, BlueprintForm form, Function<Actor, Blueprint> write, Consumer<BlueprintForm> show) {
        if (ctx.formParam("more") != null) {
            show.accept(form.withMoreRows());
            return;
        }
        try {
            Blueprint saved = write.apply(UiRoutes.signedIn(ctx).actor());
            ctx.redirect(Links.blueprint(saved.identifier()));
        } catch (CatalogException e) {
            ctx.status(e.problem().httpStatus());
            show.accept(form.withErrors(e.violations().isEmpty() ? List.of(new Violation("", e.getMessage())) : e.violations()));
        }
    }

    private void create(Context ctx) {
        UiRoutes.requireAdmin(ctx);
        String json = ctx.formParam("json");
        try {
            Blueprint created = services.catalog().blueprints().create(parse(json), UiRoutes.signedIn(ctx).actor());
            ctx.redirect(Links.blueprint(created.identifier()));
        } catch (CatalogException e) {
            ctx.status(e.problem().httpStatus());
            renderNew(ctx, json, e.getMessage(), problems(e), BlueprintForm.empty(BlueprintForm.ROWS, 2));
        }
    }

    private void show(Context ctx) {
        Blueprint blueprint = services.catalog().blueprints().get(ctx.pathParam("blueprint"));
        render(ctx, blueprint, PropertyValues.pretty(BlueprintJson.write(blueprint)), null, List.of(), editForm(ctx, blueprint));
    }

    private void save(Context ctx) {
        UiRoutes.requireAdmin(ctx);
        Blueprint blueprint = services.catalog().blueprints().get(ctx.pathParam("blueprint"));
        String json = ctx.formParam("json");
        try {
            services.catalog().blueprints().replace(blueprint.identifier(), parse(json), UiRoutes.signedIn(ctx).actor());
            ctx.redirect(Links.blueprint(blueprint.identifier()));
        } catch (CatalogException e) {
            ctx.status(e.problem().httpStatus());
            render(ctx, blueprint, json, e.getMessage(), problems(e), editForm(ctx, blueprint));
        }
    }

    private void delete(Context ctx) {
        UiRoutes.requireAdmin(ctx);
        Blueprint blueprint = services.catalog().blueprints().get(ctx.pathParam("blueprint"));
        boolean withEntities = "true".equals(ctx.formParam("deleteEntities"));
        try {
            services.catalog().deleteBlueprint(blueprint.identifier(), withEntities, UiRoutes.signedIn(ctx).actor());
            ctx.redirect("/builder");
        } catch (CatalogException e) {
            ctx.status(409);
            render(ctx, blueprint, PropertyValues.pretty(BlueprintJson.write(blueprint)), "Not deleted: " + e.getMessage(), List.of(),
                    editForm(ctx, blueprint));
        }
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) throw CatalogException.malformed("The blueprint JSON is empty");
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw CatalogException.malformed("The blueprint is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static List<BlueprintView.Problem> problems(CatalogException e) {
        return e.violations().stream().map(v -> new BlueprintView.Problem(v.path().isEmpty() ? "(blueprint)" : v.path(), v.message())).toList();
    }

    private void renderNew(Context ctx, String json, String error, List<BlueprintView.Problem> problems, BlueprintForm form) {
        int status = ctx.status().getCode();
        templates.page(ctx, "builder/blueprint.jte", Frame.of(ctx, "New blueprint", Section.BUILDER),
                new BlueprintView("", "New blueprint", null, null, true, List.of(), List.of(), List.of(), 0, List.of(), json,
                        error, problems, null, form, targets()));
        ctx.status(status);
    }

    /** The edit form filled from the stored blueprint, for admins; null for members (who get no form). */
    private static BlueprintForm editForm(Context ctx, Blueprint blueprint) {
        return UiRoutes.signedIn(ctx).isAdmin() ? BlueprintForm.of(BlueprintJson.write(blueprint)) : null;
    }

    private List<String> targets() {
        return services.catalog().blueprints().list().stream().map(Blueprint::identifier).toList();
    }

    private void render(Context ctx, Blueprint b, String json, String error, List<BlueprintView.Problem> problems, BlueprintForm form) {
        int status = ctx.status().getCode();
        List<BlueprintView.PropertyRow> properties = new ArrayList<>();
        var required = b.properties().required();
        b.properties().definitions().forEach((name, d) -> {
            JsonNode e = d.json().get("enum");
            properties.add(new BlueprintView.PropertyRow(name, d.json().path("title").asText(""), String.valueOf(d.type()),
                    d.format(), required.contains(name), e == null ? null : e.toString(), d.json().path("description").asText(null)));
        });
        List<BlueprintView.RelationRow> relations = new ArrayList<>();
        b.relations().forEach((name, r) -> relations.add(new BlueprintView.RelationRow(name, r.title(), r.target(),
                Links.blueprint(r.target()), r.required(), r.many())));
        List<BlueprintView.DerivedRow> derived = new ArrayList<>();
        b.mirrorProperties().forEach((name, m) -> derived.add(new BlueprintView.DerivedRow(name, "mirror", m.path())));
        b.calculationProperties().forEach((name, c) -> derived.add(new BlueprintView.DerivedRow(name, "calculation", c.calculation())));
        List<String> referrers = services.catalog().blueprints().list().stream()
                .filter(o -> !o.identifier().equals(b.identifier()))
                .filter(o -> o.relations().values().stream().anyMatch(r -> r.target().equals(b.identifier())))
                .map(Blueprint::identifier).toList();
        templates.page(ctx, "builder/blueprint.jte", Frame.of(ctx, Words.titleOf(b.title(), b.identifier()), Section.BUILDER),
                new BlueprintView(b.identifier(), Words.titleOf(b.title(), b.identifier()), b.description(), b.icon(), false,
                        properties, relations, derived, services.catalog().entities().count(b.identifier()), referrers, json,
                        error, problems, Links.catalog(b.identifier()), form, form == null ? List.of() : targets()));
        ctx.status(status);
    }
}
