package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.audit.AuditQuery;
import dev.portolan.catalog.audit.AuditRecord;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.integration.SyncSample;
import dev.portolan.catalog.json.Json;
import dev.portolan.server.auth.Authenticator;
import dev.portolan.server.integrations.IntegrationHost;
import dev.portolan.sync.host.Provenance;
import dev.portolan.sync.host.SyncSampleJson;
import dev.portolan.sync.host.SyncStatusFeed;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;

import java.util.ArrayList;
import java.util.List;

/**
 * Portolan's additions for looking back at resyncs: the raw samples a resync kept, what a resync
 * changed (its audit records), an entity's provenance, and the Sync Status as server-sent events.
 */
public final class SyncHistoryRoutes {

    private final CatalogService catalog;
    private final IntegrationHost host;
    private final Requests requests;

    public SyncHistoryRoutes(CatalogService catalog, IntegrationHost host, Requests requests) {
        this.catalog = catalog;
        this.host = host;
        this.requests = requests;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/integration/{id}/samples", this::samples);
        routes.post("/v1/integration/{id}/syncs/{resyncId}/samples", this::saveRemoteSamples);
        routes.get("/v1/integration/{id}/syncs/{resyncId}/changes", this::changes);
        routes.sse("/v1/integration/{id}/syncStatus/stream", this::stream);
        routes.get("/v1/blueprints/{blueprint}/entities/{entity}/provenance", this::provenance);
    }

    /** {@code ?kind=} (every resource of that kind), {@code resourceIndex=}, {@code resyncId=} (default: the latest that kept samples). */
    private void samples(Context ctx) {
        Installation installation = host.manager().get(ctx.pathParam("id"));
        String kind = ctx.queryParam("kind");
        Integer resource = ctx.queryParam("resourceIndex") == null ? null : Requests.integer(ctx, "resourceIndex", 0, 0, 10_000);
        List<SyncSample> samples = host.repository().samples(installation.identifier(), ctx.queryParam("resyncId"), resource);
        ArrayNode array = Json.array();
        samples.stream().filter(s -> kind == null || kind.equals(s.kind())).forEach(s -> array.add(SyncSampleJson.write(s)));
        ObjectNode body = Responses.ok("samples", array);
        body.put("resyncId", samples.isEmpty() ? null : samples.getFirst().resyncId());
        Responses.send(ctx, body);
    }

    private void saveRemoteSamples(Context ctx) {
        Authenticator.admin(ctx);
        Installation installation = host.manager().get(ctx.pathParam("id"));
        if (!installation.remote()) {
            throw CatalogException.conflict("not_remote", "Integration '" + installation.identifier() + "' runs in this server; it keeps samples by itself");
        }
        JsonNode array = requests.json(ctx).get("samples");
        if (array == null || !array.isArray()) throw ApiException.badRequest("The body must be {\"samples\": [...]}");
        List<SyncSample> samples = new ArrayList<>();
        try {
            for (JsonNode sample : array) samples.add(SyncSampleJson.read(installation.identifier(), ctx.pathParam("resyncId"), sample));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Sample " + samples.size() + ": " + e.getMessage());
        }
        host.repository().saveSamples(samples);
        Responses.send(ctx, Responses.ok());
    }

    /** What one resync changed: its audit records, newest first; {@code action}, {@code blueprint}, {@code limit}, {@code before}. */
    private void changes(Context ctx) {
        String integration = host.manager().get(ctx.pathParam("id")).identifier();
        String resyncId = ctx.pathParam("resyncId");
        host.repository().report(integration, resyncId)
                .orElseThrow(() -> CatalogException.notFound("Resync of integration '" + integration + "'", resyncId));
        int limit = Requests.integer(ctx, "limit", 100, 1, 1000);
        List<AuditRecord> records = catalog.audit(AuditQuery.ofResync(resyncId, AuditRoutes.action(ctx.queryParam("action")),
                blank(ctx.queryParam("blueprint")), limit, blank(ctx.queryParam("before"))));
        ArrayNode changes = Json.array();
        records.forEach(r -> changes.add(AuditRoutes.write(r)));
        ObjectNode body = Responses.ok("changes", changes);
        body.put("next", records.size() < limit ? null : records.getLast().id());
        Responses.send(ctx, body);
    }

    /** Event {@code status} with the report JSON at once and each time it changes, until the resync ends. */
    private void stream(SseClient client) {
        String integration = host.manager().get(client.ctx().pathParam("id")).identifier();
        host.feed().follow(integration, new SyncStatusFeed.Listener() {
            @Override
            public boolean onStatus(ObjectNode report) {
                if (client.terminated()) return false;
                client.sendEvent("status", Json.write(report));
                return true;
            }

            @Override
            public boolean onQuiet() {
                if (client.terminated()) return false;
                client.sendComment("still syncing");
                return true;
            }
        });
        client.sendEvent("end", "");
        client.close();
    }

    private void provenance(Context ctx) {
        var entity = catalog.entities().get(ctx.pathParam("blueprint"), ctx.pathParam("entity"));
        Provenance found = host.provenance().of(entity).orElse(null);
        ObjectNode body = Responses.ok();
        if (found == null) {
            body.putNull("provenance");
        } else {
            ObjectNode json = body.putObject("provenance");
            json.put("integration", found.integration());
            if (found.lastWrite() != null) {
                json.put("resyncId", found.lastWrite().resyncId());
                json.put("kind", found.lastWrite().kind());
                if (found.lastWrite().resourceIndex() != null) json.put("resourceIndex", found.lastWrite().resourceIndex());
            }
            if (found.writtenAt() != null) json.put("writtenAt", found.writtenAt().toString());
            json.set("sample", found.sample() == null ? Json.MAPPER.nullNode() : SyncSampleJson.write(found.sample()));
        }
        Responses.send(ctx, body);
    }

    private static String blank(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
