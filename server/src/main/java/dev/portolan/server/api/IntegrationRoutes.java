package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.host.InstallRequest;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.sync.host.InstallationRepository;
import dev.portolan.sync.host.IntegrationManager;
import dev.portolan.sync.host.ManualResync;
import dev.portolan.sync.host.RemoteIntegrations;
import dev.portolan.sync.host.ResyncLauncher;
import dev.portolan.catalog.integration.SyncEvent;
import dev.portolan.catalog.integration.SyncEventQuery;
import dev.portolan.catalog.integration.SyncRecord;
import dev.portolan.server.integrations.IntegrationHost;
import dev.portolan.sync.host.MappingTester;
import dev.portolan.sync.host.SyncStatusFeed;
import dev.portolan.sync.mapping.MappingParser;
import dev.portolan.sync.report.PortSyncMetrics;
import dev.portolan.server.auth.Authenticator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /v1/integration}: install, configure, resync and observe integrations. Port's endpoints,
 * plus Portolan's {@code resync}, {@code syncStatus}, {@code syncs} (history) and {@code mapping/test}.
 * Reads for everyone; changes for admins.
 */
public final class IntegrationRoutes {

    private final IntegrationManager manager;
    private final ResyncLauncher launcher;
    private final InstallationRepository repository;
    private final RemoteIntegrations remotes;
    private final IntegrationJson integrationJson;
    private final OceanOwnedEntities oceanEntities;
    private final MappingTester tester;
    private final SyncStatusFeed feed;
    private final ManualResync manualResync;
    private final Requests requests;

    public IntegrationRoutes(IntegrationHost host, OceanOwnedEntities oceanEntities, Requests requests) {
        this.manager = host.manager();
        this.launcher = host.launcher();
        this.repository = host.repository();
        this.remotes = host.remotes();
        this.oceanEntities = oceanEntities;
        this.integrationJson = new IntegrationJson(manager, launcher, remotes);
        this.tester = host.tester();
        this.feed = host.feed();
        this.manualResync = host.manualResync();
        this.requests = requests;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/integration", this::list);
        routes.post("/v1/integration", this::install);
        routes.get("/v1/integration/{id}", ctx -> Responses.send(ctx, Responses.ok("integration", json(manager.get(ctx.pathParam("id")), ctx))));
        routes.patch("/v1/integration/{id}", this::update);
        routes.patch("/v1/integration/{id}/config", this::updateConfig);
        routes.delete("/v1/integration/{id}", this::uninstall);
        routes.post("/v1/integration/{id}/resync", this::resync);
        routes.get("/v1/integration/{id}/syncMetrics", this::syncMetrics);
        routes.get("/v1/integration/{id}/syncsMetadata", this::syncsMetadata);
        routes.get("/v1/integration/{id}/syncStatus", this::syncStatus);
        routes.get("/v1/integration/{id}/syncs", this::syncs);
        routes.get("/v1/integration/{id}/logs", this::logs);
        routes.post("/v1/integration/{id}/mapping/test", this::testMapping);
    }

    private void list(Context ctx) {
        ArrayNode integrations = Json.array();
        manager.list().forEach(i -> integrations.add(json(i, ctx)));
        Responses.send(ctx, Responses.ok("integrations", integrations));
    }

    /**
     * Installs an integration this server runs, or registers one that runs elsewhere: asked for
     * ({@code remote: true}), an Ocean registration (it sends {@code changelogDestination}), or a
     * type this server does not run given without settings (Port registers any type).
     */
    private void install(Context ctx) {
        var admin = Authenticator.admin(ctx);
        JsonNode body = requests.json(ctx);
        String type = text(body, "installationAppType");
        boolean remote = body.path("remote").asBoolean(false) || body.has("changelogDestination")
                || (type != null && !body.has("settings") && !manager.hosts(type));
        if (remote) {
            Installation registered = remotes.register(new RemoteIntegrations.Registration(text(body, "installationId"), type,
                    text(body, "title"), text(body, "version"), body.get("changelogDestination"), body.get("config"), interval(body)),
                    admin.clientId());
            Responses.send(ctx, 200, Responses.ok("integration", json(registered, ctx)));
            return;
        }
        InstallRequest request = new InstallRequest(text(body, "installationId"), type,
                text(body, "title"), body.get("settings"), body.get("config"), interval(body));
        Responses.send(ctx, 201, Responses.ok("integration", json(manager.install(request), ctx)));
    }

    private void update(Context ctx) {
        var admin = Authenticator.admin(ctx);
        JsonNode body = requests.json(ctx);
        if (!body.isObject()) throw ApiException.badRequest("The body must be a JSON object");
        if (manager.get(ctx.pathParam("id")).remote()) {
            Responses.send(ctx, Responses.ok("integration", json(remotes.update(ctx.pathParam("id"), body, admin.clientId()), ctx)));
            return;
        }
        Integer interval = body.has("scheduledResyncInterval") ? interval(body) : null;
        Installation updated = manager.update(ctx.pathParam("id"), body.get("settings"), text(body, "title"), interval);
        if (body.hasNonNull("config")) updated = manager.updateConfig(ctx.pathParam("id"), body.get("config"));
        Responses.send(ctx, Responses.ok("integration", json(updated, ctx)));
    }

    private void updateConfig(Context ctx) {
        Authenticator.admin(ctx);
        JsonNode config = requests.json(ctx).get("config");
        if (config == null || !config.isObject()) throw ApiException.badRequest("The body must be {\"config\": <mapping>}");
        Responses.send(ctx, Responses.ok("integration", json(manager.updateConfig(ctx.pathParam("id"), config), ctx)));
    }

    private void uninstall(Context ctx) {
        Authenticator.admin(ctx);
        String id = ctx.pathParam("id");
        boolean deleteEntities = Requests.flag(ctx, "delete_entities", false);
        int deleted = deleteEntities && manager.get(id).remote() ? oceanEntities.delete(id, Authenticator.principal(ctx).actor()) : 0;
        deleted += manager.uninstall(id, deleteEntities);
        ObjectNode body = Responses.ok();
        body.put("deletedEntities", deleted);
        Responses.send(ctx, body);
    }

    /** Starts a resync here; for an integration that runs elsewhere, records the request for it to pick up. */
    private void resync(Context ctx) {
        Authenticator.admin(ctx);
        ObjectNode body = Responses.ok();
        switch (manualResync.ask(ctx.pathParam("id"))) {
            case ManualResync.Started started -> body.put("resyncId", started.resyncId());
            case ManualResync.Requested requested -> body.put("requestedAt", requested.requestedAt().toString());
        }
        Responses.send(ctx, 202, body);
    }

    private void syncMetrics(Context ctx) {
        Installation installation = manager.get(ctx.pathParam("id"));
        JsonNode report = report(installation, ctx.queryParam("resyncId"));
        Responses.send(ctx, report == null ? emptyMetrics() : PortSyncMetrics.of(report, installation.type()));
    }

    private void syncsMetadata(Context ctx) {
        manager.get(ctx.pathParam("id"));
        ObjectNode body = Responses.ok();
        ArrayNode data = body.putArray("data");
        for (SyncRecord sync : repository.reports(ctx.pathParam("id"), Requests.integer(ctx, "limit", 50, 1, 500))) {
            ObjectNode report = sync.report();
            data.addObject().put("eventId", report.path("resyncId").asText()).put("syncState", report.path("state").asText())
                    .put("trigger", report.path("trigger").asText())
                    .put("createdAt", report.path("startedAt").asText())
                    .put("updatedAt", report.path("finishedAt").asText(report.path("startedAt").asText()));
        }
        body.put("count", data.size());
        Responses.send(ctx, body);
    }

    /** The human-facing sync status: the latest (or a given) report with its tips. */
    private void syncStatus(Context ctx) {
        Installation installation = manager.get(ctx.pathParam("id"));
        JsonNode report = report(installation, ctx.queryParam("resyncId"));
        Responses.send(ctx, Responses.ok("syncStatus", report == null ? Json.MAPPER.nullNode() : report));
    }

    private void syncs(Context ctx) {
        manager.get(ctx.pathParam("id"));
        ArrayNode reports = Json.array();
        repository.reports(ctx.pathParam("id"), Requests.integer(ctx, "limit", 20, 1, 200)).forEach(s -> reports.add(s.report()));
        Responses.send(ctx, Responses.ok("syncs", reports));
    }

    private void logs(Context ctx) {
        manager.get(ctx.pathParam("id"));
        String resyncId = ctx.queryParam("eventId") != null ? ctx.queryParam("eventId") : ctx.queryParam("resyncId");
        ArrayNode logs = Json.array();
        String level = ctx.queryParam("level");
        if (level != null && !List.of("DEBUG", "INFO", "WARN", "ERROR").contains(level)) {
            throw ApiException.badRequest("Query parameter 'level' must be DEBUG, INFO, WARN or ERROR, got '" + level + "'");
        }
        Long before = ctx.queryParam("before") == null ? null : (long) Requests.integer(ctx, "before", 0, 0, Integer.MAX_VALUE);
        SyncEventQuery query = new SyncEventQuery(ctx.pathParam("id"), resyncId, level, ctx.queryParam("kind"), before,
                Requests.integer(ctx, "limit", 100, 1, 1000));
        for (SyncEvent event : repository.events(query)) {
            ObjectNode line = logs.addObject();
            line.put("timestamp", event.timestamp().toString());
            line.put("level", event.level());
            line.put("kind", event.kind());
            line.put("message", event.message());
            line.put("resyncId", event.resyncId());
            line.put("seq", event.seq());
        }
        ObjectNode body = Responses.ok();
        body.putObject("data").set("logs", logs);
        Responses.send(ctx, body);
    }

    /** Body: {@code {kind, input: [objects], config?: mapping}}; without config, the saved mapping. */
    private void testMapping(Context ctx) {
        Authenticator.principal(ctx);
        JsonNode body = requests.json(ctx);
        String kind = text(body, "kind");
        JsonNode input = body.get("input");
        if (kind == null || input == null) throw ApiException.badRequest("The body must be {\"kind\": ..., \"input\": [objects], \"config\"?: mapping}");
        List<JsonNode> objects = new ArrayList<>();
        if (input.isArray()) input.forEach(objects::add);
        else objects.add(input);
        JsonNode config = body.get("config");
        JsonNode candidate = config == null || config.isNull() ? null : config.isTextual() ? MappingParser.readYaml(config.asText()) : config;
        Responses.send(ctx, Responses.ok("preview", tester.test(ctx.pathParam("id"), candidate, kind, objects)));
    }

    private JsonNode report(Installation installation, String resyncId) {
        if (resyncId != null) {
            return repository.report(installation.identifier(), resyncId).map(SyncRecord::report)
                    .orElseThrow(() -> CatalogException.notFound("Resync of integration '" + installation.identifier() + "'", resyncId));
        }
        return feed.current(installation.identifier());
    }

    private static ObjectNode emptyMetrics() {
        ObjectNode body = Responses.ok();
        body.put("count", 0);
        body.putArray("data");
        return body;
    }

    private ObjectNode json(Installation i, Context ctx) {
        return integrationJson.of(i, ctx);
    }

    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) throw ApiException.badRequest("'" + field + "' must be a string");
        return value.asText();
    }

    static int interval(JsonNode body) {
        JsonNode value = body.get("scheduledResyncInterval");
        if (value == null || value.isNull()) return 0;
        if (!value.canConvertToExactIntegral()) throw ApiException.badRequest("'scheduledResyncInterval' must be a whole number of minutes");
        return value.asInt();
    }
}
