package dev.portolan.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.BlueprintJson;
import dev.portolan.catalog.json.Json;
import dev.portolan.server.auth.Authenticator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /v1/blueprints}: reads for everyone, writes for admins. */
public final class BlueprintRoutes {

    private final CatalogService catalog;
    private final Requests requests;

    public BlueprintRoutes(CatalogService catalog, Requests requests) {
        this.catalog = catalog;
        this.requests = requests;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/blueprints", this::list);
        routes.post("/v1/blueprints", this::create);
        routes.get("/v1/blueprints/{identifier}", this::get);
        routes.put("/v1/blueprints/{identifier}", this::replace);
        routes.patch("/v1/blueprints/{identifier}", this::patch);
        routes.delete("/v1/blueprints/{identifier}", this::delete);
    }

    private void list(Context ctx) {
        ArrayNode blueprints = Json.array();
        catalog.blueprints().list().forEach(b -> blueprints.add(BlueprintJson.write(b)));
        Responses.send(ctx, Responses.ok("blueprints", blueprints));
    }

    private void get(Context ctx) {
        send(ctx, 200, catalog.blueprints().get(ctx.pathParam("identifier")));
    }

    private void create(Context ctx) {
        var actor = Authenticator.admin(ctx).actor();
        send(ctx, 201, catalog.blueprints().create(requests.json(ctx), actor));
    }

    private void replace(Context ctx) {
        var actor = Authenticator.admin(ctx).actor();
        send(ctx, 200, catalog.blueprints().replace(ctx.pathParam("identifier"), requests.json(ctx), actor));
    }

    private void patch(Context ctx) {
        var actor = Authenticator.admin(ctx).actor();
        send(ctx, 200, catalog.blueprints().patch(ctx.pathParam("identifier"), requests.json(ctx), actor));
    }

    private void delete(Context ctx) {
        var actor = Authenticator.admin(ctx).actor();
        catalog.deleteBlueprint(ctx.pathParam("identifier"), Requests.flag(ctx, "delete_entities", false), actor);
        Responses.send(ctx, Responses.ok());
    }

    private static void send(Context ctx, int status, Blueprint blueprint) {
        Responses.send(ctx, status, Responses.ok("blueprint", BlueprintJson.write(blueprint)));
    }
}
