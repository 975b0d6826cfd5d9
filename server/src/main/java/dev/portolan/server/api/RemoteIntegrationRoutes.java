package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.integration.RemoteState;
import dev.portolan.catalog.json.Json;
import dev.portolan.server.auth.Authenticator;
import dev.portolan.server.auth.Principal;
import dev.portolan.sync.host.IntegrationManager;
import dev.portolan.sync.host.RemoteExamples;
import dev.portolan.sync.host.RemoteIntegrations;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;

/**
 * What an integration that runs elsewhere calls besides the catalog API: Ocean's resync state,
 * log and metrics ingest URLs, raw-data examples, resync requests; and {@code portolan integration run}'s reports.
 * Reporting needs the integration's own credential (the admin credential that registered it or
 * last updated it); the reads need any valid token.
 */
public final class RemoteIntegrationRoutes {

    private final IntegrationManager manager;
    private final RemoteIntegrations remotes;
    private final RemoteExamples examples;
    private final Requests requests;

    public RemoteIntegrationRoutes(IntegrationManager manager, RemoteIntegrations remotes, RemoteExamples examples, Requests requests) {
        this.manager = manager;
        this.remotes = remotes;
        this.examples = examples;
        this.requests = requests;
    }

    /** Register before {@link IntegrationRoutes}: {@code provision-enabled} must win over {@code /v1/integration/{id}}. */
    public void register(RoutesConfig routes) {
        routes.get("/v1/integration/provision-enabled", this::provisionEnabled);
        routes.patch("/v1/integration/{id}/resync-state", this::resyncState);
        routes.get("/v1/integration/{id}/resync-request", this::resyncRequest);
        routes.get("/v1/integration/{id}/cursor", this::cursor);
        routes.post("/v1/integration/{id}/logs", this::logs);
        routes.post("/v1/integration/{id}/metrics/syncMetrics", this::postMetrics);
        routes.put("/v1/integration/{id}/metrics/syncMetrics/resync/{eventId}/kind/{kind}", this::putMetrics);
        routes.put("/v1/integration/{id}/syncs/{resyncId}", this::saveReport);
        routes.post("/v1/integration/{id}/kinds/{kind}/examples", this::examples);
    }

    /** Portolan provisions no integration's defaults itself: each creates its own, as Ocean does on Port when not provisioned. */
    private void provisionEnabled(Context ctx) {
        Authenticator.principal(ctx);
        ObjectNode body = Responses.ok();
        body.putArray("integrations");
        Responses.send(ctx, body);
    }

    private void resyncState(Context ctx) {
        String id = ctx.pathParam("id");
        requireOwner(ctx, id);
        RemoteState state = remotes.reportResyncState(id, requests.json(ctx));
        ObjectNode integration = Json.object();
        integration.put("identifier", id);
        integration.put("installationId", id);
        integration.set("resyncState", state.resyncState());
        integration.put("updatedAt", state.resyncState().path("updatedAt").asText());
        Responses.send(ctx, Responses.ok("integration", integration));
    }

    /** The last resync asked for here ({@code POST .../resync}), or null. */
    private void resyncRequest(Context ctx) {
        Authenticator.principal(ctx);
        RemoteState state = remotes.state(manager.get(ctx.pathParam("id")).identifier()).orElse(null);
        if (state == null || state.resyncRequestedAt() == null) {
            Responses.send(ctx, Responses.ok("request", Json.MAPPER.nullNode()));
            return;
        }
        ObjectNode request = Json.object();
        request.put("id", ctx.pathParam("id") + "-" + state.resyncRequestedAt().toEpochMilli());
        request.put("createdAt", state.resyncRequestedAt().toString());
        Responses.send(ctx, Responses.ok("request", request));
    }

    /** Portolan keeps no cursor for an integration that runs elsewhere: every resync of it is a full one. */
    private void cursor(Context ctx) {
        Authenticator.principal(ctx);
        manager.get(ctx.pathParam("id"));
        Responses.send(ctx, Responses.ok("cursor", Json.MAPPER.nullNode()));
    }

    /** {@code logAttributes.ingestUrl}: {@code {logs: [{message, level, timestamp, extra}]}}. */
    private void logs(Context ctx) {
        String id = ctx.pathParam("id");
        requireOwner(ctx, id);
        ObjectNode body = Responses.ok();
        body.put("ingested", remotes.ingestLogs(id, requests.json(ctx).get("logs")));
        Responses.send(ctx, body);
    }

    /** {@code metricAttributes.ingestUrl + /syncMetrics}: {@code {syncKindsMetrics: [...]}}. */
    private void postMetrics(Context ctx) {
        String id = ctx.pathParam("id");
        requireOwner(ctx, id);
        JsonNode entries = requests.json(ctx).get("syncKindsMetrics");
        if (entries == null || !entries.isArray()) throw ApiException.badRequest("The body must be {\"syncKindsMetrics\": [...]}");
        List<JsonNode> list = new ArrayList<>();
        entries.forEach(list::add);
        remotes.reportMetrics(id, list);
        Responses.send(ctx, Responses.ok());
    }

    /** {@code metricAttributes.ingestUrl + /syncMetrics/resync/{eventId}/kind/{kind}}: {@code {syncKindMetrics: {...}}}. */
    private void putMetrics(Context ctx) {
        String id = ctx.pathParam("id");
        requireOwner(ctx, id);
        JsonNode entry = requests.json(ctx).get("syncKindMetrics");
        if (entry == null || !entry.isObject()) throw ApiException.badRequest("The body must be {\"syncKindMetrics\": {...}}");
        ObjectNode withKind = entry.deepCopy();
        if (!withKind.has("kindIdentifier")) withKind.put("kindIdentifier", ctx.pathParam("kind"));
        remotes.reportMetrics(id, List.of(withKind));
        Responses.send(ctx, Responses.ok());
    }

    /** Ocean's raw-data examples of one kind, {@code {examples: [{...}, ...]}}: kept as the kind's samples of the current resync. */
    private void examples(Context ctx) {
        String id = ctx.pathParam("id");
        requireOwner(ctx, id);
        JsonNode list = requests.json(ctx).get("examples");
        if (list == null || !list.isArray()) throw ApiException.badRequest("The body must be {\"examples\": [{...}, ...]} (raw objects of the kind)");
        ObjectNode body = Responses.ok();
        body.put("kept", examples.keep(id, ctx.pathParam("kind"), list));
        Responses.send(ctx, body);
    }

    /** {@code portolan integration run}: the whole report of one of its resyncs. */
    private void saveReport(Context ctx) {
        String id = ctx.pathParam("id");
        requireOwner(ctx, id);
        remotes.saveReport(id, ctx.pathParam("resyncId"), requests.json(ctx));
        Responses.send(ctx, Responses.ok());
    }

    /** Only the integration's own credential reports for it: another could fill its event log or fake its state. */
    private void requireOwner(Context ctx, String id) {
        Principal principal = Authenticator.admin(ctx);
        String owner = remotes.owner(id).orElse(null);
        if (!principal.clientId().equals(owner)) {
            throw ApiException.forbidden("Only the credential that registered integration '" + id
                    + "' (or last updated it) may report for it; this request's credential is '" + principal.clientId() + "'");
        }
    }
}
