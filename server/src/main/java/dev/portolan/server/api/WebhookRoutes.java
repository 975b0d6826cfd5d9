package dev.portolan.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.sync.host.LiveEvents;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Locale;

/**
 * {@code POST /integrations/{id}/webhook}, also {@code POST /integrations/{id}/events}: live events
 * from the tool an integration connects to (GitHub webhook deliveries, Git push notifications). Outside {@code /v1} and without a bearer token: the delivery's
 * signature, checked by the integration, is the authentication; one that is missing or wrong is
 * 401 and changes nothing.
 */
public final class WebhookRoutes {

    private final LiveEvents liveEvents;

    public WebhookRoutes(LiveEvents liveEvents) {
        this.liveEvents = liveEvents;
    }

    public void register(RoutesConfig routes) {
        routes.post("/integrations/{id}/webhook", this::receive);
        routes.post("/integrations/{id}/events", this::receive);
    }

    private void receive(Context ctx) {
        LiveEvents.Result result = liveEvents.receive(ctx.pathParam("id"), ctx::header, ctx.bodyAsBytes());
        if (result.status() == LiveEvents.Status.REJECTED) {
            ObjectNode error = Responses.ok().put("ok", false).put("error", "unauthorized").put("message", "The webhook delivery was refused: " + result.message());
            Responses.send(ctx, 401, error);
            return;
        }
        ObjectNode body = Responses.ok().put("status", result.status().name().toLowerCase(Locale.ROOT))
                .put("upserted", result.upserted()).put("deleted", result.deleted()).put("failed", result.failed());
        Responses.send(ctx, body);
    }
}
