package dev.portolan.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.integration.RemoteState;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.host.IntegrationManager;
import dev.portolan.sync.host.RemoteIntegrations;
import dev.portolan.sync.host.ResyncLauncher;
import io.javalin.http.Context;

/**
 * An integration as the API shows it: Port's fields, and for one that runs elsewhere what Ocean
 * reads at start: {@code installationType}, {@code version}, {@code changelogDestination},
 * {@code resyncState}, and the URLs it ships its logs ({@code logAttributes.ingestUrl}) and sync
 * metrics ({@code metricAttributes.ingestUrl} + {@code /syncMetrics}) to. Those URLs are built from
 * the request's own scheme and host, so they reach this server the way the integration did.
 */
final class IntegrationJson {

    /** Port's runtime names; Ocean refuses to run an integration registered with another runtime. */
    static final String REMOTE_RUNTIME = "OnPrem";
    static final String HOSTED_RUNTIME = "Portolan";

    private final IntegrationManager manager;
    private final ResyncLauncher launcher;
    private final RemoteIntegrations remotes;

    IntegrationJson(IntegrationManager manager, ResyncLauncher launcher, RemoteIntegrations remotes) {
        this.manager = manager;
        this.launcher = launcher;
        this.remotes = remotes;
    }

    ObjectNode of(Installation i, Context ctx) {
        ObjectNode json = Json.object();
        json.put("identifier", i.identifier());
        json.put("installationId", i.identifier());
        json.put("installationAppType", i.type());
        json.put("installationType", i.remote() ? REMOTE_RUNTIME : HOSTED_RUNTIME);
        json.put("title", i.title());
        json.set("settings", manager.redactedSettings(i));
        json.set("config", i.config());
        json.put("scheduledResyncInterval", i.scheduledResyncInterval());
        json.put("remote", i.remote());
        json.put("actionsProcessingEnabled", false);
        json.put("createdAt", i.createdAt().toString());
        json.put("updatedAt", i.updatedAt().toString());
        if (i.remote()) remote(json, i, ctx);
        else launcher.running(i.identifier()).ifPresent(r -> json.putObject("resyncState").put("status", "running"));
        return json;
    }

    private void remote(ObjectNode json, Installation i, Context ctx) {
        RemoteState state = remotes.state(i.identifier()).orElse(null);
        json.put("version", state == null ? null : state.version());
        json.set("changelogDestination", state == null || state.changelogDestination() == null ? Json.MAPPER.nullNode() : state.changelogDestination());
        json.set("resyncState", state == null || state.resyncState() == null ? Json.MAPPER.nullNode() : state.resyncState());
        String base = baseUrl(ctx) + "/v1/integration/" + i.identifier();
        json.putObject("logAttributes").put("ingestUrl", base + "/logs");
        json.putObject("metricAttributes").put("ingestUrl", base + "/metrics");
        json.putObject("ingestAttributes").put("ingestUrl", base + "/ingest");
    }

    /** {@code scheme://host[:port]} as the caller reached us. */
    static String baseUrl(Context ctx) {
        String host = ctx.host();
        return ctx.scheme() + "://" + (host == null || host.isBlank() ? "localhost:" + ctx.port() : host);
    }
}
