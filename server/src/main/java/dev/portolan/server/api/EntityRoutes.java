package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.Actor;
import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.entity.EntityKey;
import dev.portolan.catalog.entity.UpsertOutcome;
import dev.portolan.catalog.entity.WriteOptions;
import dev.portolan.catalog.json.Json;
import dev.portolan.server.auth.Authenticator;
import dev.portolan.sync.host.RemoteIntegrations;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;

/** {@code /v1/blueprints/{blueprint}/entities...}: entity writes and reads, for members and admins. */
public final class EntityRoutes {

    /** Entities per bulk request; Port allows 20, we allow more so that scripts need fewer calls. */
    public static final int MAX_BULK = 1000;

    private final CatalogService catalog;
    private final Requests requests;
    private final DroppedProperties dropped;
    private final BlueprintMigrations migrations;

    public EntityRoutes(CatalogService catalog, Requests requests, RemoteIntegrations remotes, BlueprintMigrations migrations) {
        this.catalog = catalog;
        this.requests = requests;
        this.dropped = new DroppedProperties(remotes);
        this.migrations = migrations;
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/blueprints/{blueprint}/entities", this::create);
        routes.get("/v1/blueprints/{blueprint}/entities", new EntityListing(catalog)::list);
        routes.get("/v1/blueprints/{blueprint}/entities-count", this::count);
        routes.post("/v1/blueprints/{blueprint}/entities/bulk", this::bulkCreate);
        routes.post("/v1/blueprints/{blueprint}/bulk/entities/delete", this::bulkDelete);
        routes.delete("/v1/blueprints/{blueprint}/all-entities", this::deleteAll);
        routes.get("/v1/blueprints/{blueprint}/entities/{identifier}", this::get);
        routes.put("/v1/blueprints/{blueprint}/entities/{identifier}", ctx -> change(ctx, false));
        routes.patch("/v1/blueprints/{blueprint}/entities/{identifier}", ctx -> change(ctx, true));
        routes.delete("/v1/blueprints/{blueprint}/entities/{identifier}", this::delete);
    }

    private void create(Context ctx) {
        Actor actor = Authenticator.actor(ctx);
        UpsertOutcome outcome = catalog.entities().write(ctx.pathParam("blueprint"), requests.json(ctx), options(ctx), actor);
        // As a GET would show it: with mirror and calculation properties.
        ObjectNode body = Responses.ok("entity", EntityProjection.ALL.apply(outcome.entity() != null
                ? catalog.entities().shown(outcome.entity())
                : catalog.entities().get(ctx.pathParam("blueprint"), outcome.identifier())));
        DroppedProperties.addWarning(body, ctx.pathParam("blueprint"), outcome);
        dropped.log(actor, ctx.pathParam("blueprint"), List.of(outcome));
        Responses.send(ctx, outcome.status() == UpsertOutcome.Status.CREATED ? 201 : 200, body);
    }

    private void bulkCreate(Context ctx) {
        Actor actor = Authenticator.actor(ctx);
        JsonNode body = requests.json(ctx);
        JsonNode entities = body.get("entities");
        if (entities == null || !entities.isArray() || entities.isEmpty()) {
            throw ApiException.badRequest("The body must be {\"entities\": [ ... ]} with 1 to " + MAX_BULK + " entities");
        }
        if (entities.size() > MAX_BULK) {
            throw new ApiException(413, "payload_too_large", "At most " + MAX_BULK + " entities per bulk request, got " + entities.size());
        }
        List<JsonNode> list = new ArrayList<>();
        entities.forEach(list::add);
        List<UpsertOutcome> outcomes = catalog.entities().upsert(ctx.pathParam("blueprint"), list, options(ctx), actor);
        ObjectNode response = Responses.ok();
        ArrayNode written = response.putArray("entities");
        ArrayNode errors = response.putArray("errors");
        for (UpsertOutcome outcome : outcomes) {
            if (outcome.failed()) {
                ObjectNode error = ApiErrors.body(outcome.error().error(), outcome.error().getMessage(), outcome.error());
                error.remove("ok");
                error.put("identifier", outcome.identifier());
                error.put("index", outcome.index());
                error.put("statusCode", ApiErrors.status(outcome.error().problem()));
                errors.add(error);
            } else {
                ObjectNode entry = written.addObject().put("created", outcome.status() == UpsertOutcome.Status.CREATED)
                        .put("identifier", outcome.identifier()).put("index", outcome.index())
                        .put("status", outcome.status().name().toLowerCase(java.util.Locale.ROOT));
                DroppedProperties.addWarning(entry, ctx.pathParam("blueprint"), outcome);
            }
        }
        dropped.log(actor, ctx.pathParam("blueprint"), outcomes);
        Responses.send(ctx, errors.isEmpty() ? 200 : 207, response);
    }

    private void get(Context ctx) {
        var entity = catalog.entities().get(ctx.pathParam("blueprint"), ctx.pathParam("identifier"));
        Responses.send(ctx, Responses.ok("entity", projection(ctx).apply(entity)));
    }

    private void change(Context ctx, boolean merge) {
        Actor actor = Authenticator.actor(ctx);
        UpsertOutcome outcome = catalog.entities().change(ctx.pathParam("blueprint"), ctx.pathParam("identifier"),
                requests.json(ctx), merge, Requests.flag(ctx, "create_missing_related_entities", false), actor);
        var entity = outcome.entity() != null ? catalog.entities().shown(outcome.entity())
                : catalog.entities().get(ctx.pathParam("blueprint"), outcome.identifier());
        ObjectNode body = Responses.ok("entity", EntityProjection.ALL.apply(entity));
        DroppedProperties.addWarning(body, ctx.pathParam("blueprint"), outcome);
        dropped.log(actor, ctx.pathParam("blueprint"), List.of(outcome));
        Responses.send(ctx, body);
    }

    private void delete(Context ctx) {
        Actor actor = Authenticator.actor(ctx);
        catalog.entities().delete(ctx.pathParam("blueprint"), List.of(ctx.pathParam("identifier")),
                Requests.flag(ctx, "delete_dependents", false), actor);
        Responses.send(ctx, Responses.ok());
    }

    private void bulkDelete(Context ctx) {
        Actor actor = Authenticator.actor(ctx);
        JsonNode entities = requests.json(ctx).get("entities");
        if (entities == null || !entities.isArray() || entities.isEmpty() || entities.size() > MAX_BULK) {
            throw ApiException.badRequest("The body must be {\"entities\": [identifiers]} with 1 to " + MAX_BULK + " identifiers");
        }
        List<String> identifiers = new ArrayList<>();
        for (JsonNode id : entities) {
            if (!id.isTextual()) throw ApiException.badRequest("Entity identifiers must be strings, got " + id);
            identifiers.add(id.asText());
        }
        List<EntityKey> deleted = catalog.entities().delete(ctx.pathParam("blueprint"), identifiers,
                Requests.flag(ctx, "delete_dependents", false), actor);
        ArrayNode ids = Json.array();
        deleted.stream().filter(k -> k.blueprint().equals(ctx.pathParam("blueprint"))).forEach(k -> ids.add(k.identifier()));
        Responses.send(ctx, Responses.ok("deletedEntities", ids));
    }

    private void deleteAll(Context ctx) {
        Actor actor = Authenticator.actor(ctx);
        boolean deleteBlueprint = Requests.flag(ctx, "delete_blueprint", false);
        ObjectNode body = Responses.ok();
        if (deleteBlueprint) {
            Authenticator.admin(ctx);
            catalog.deleteBlueprint(ctx.pathParam("blueprint"), true, actor);
            // Port answers the id of a background migration; ours is done already (see BlueprintMigrations).
            body.put("migrationId", migrations.completed(ctx.pathParam("blueprint"), actor.origin()));
        } else {
            catalog.entities().deleteAll(ctx.pathParam("blueprint"), Requests.flag(ctx, "delete_dependents", false), actor);
        }
        Responses.send(ctx, body);
    }

    private void count(Context ctx) {
        ObjectNode body = Responses.ok();
        body.put("count", catalog.entities().count(ctx.pathParam("blueprint")));
        Responses.send(ctx, body);
    }

    private static WriteOptions options(Context ctx) {
        return new WriteOptions(Requests.flag(ctx, "upsert", false), Requests.flag(ctx, "merge", false),
                Requests.flag(ctx, "create_missing_related_entities", false), Requests.flag(ctx, "validation_only", false));
    }

    static EntityProjection projection(Context ctx) {
        return new EntityProjection(Requests.list(ctx, "include"), Requests.list(ctx, "exclude"));
    }
}
