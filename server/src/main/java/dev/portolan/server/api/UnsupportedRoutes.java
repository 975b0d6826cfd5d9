package dev.portolan.server.api;

import dev.portolan.server.auth.Authenticator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Port features Ocean may call that Portolan does not have, answered {@code 501 not_supported}
 * with a message saying so. Ocean treats the defaults it creates (actions, scorecards, pages) as
 * optional and carries on; its Kafka event listener and self-service action runs cannot work here
 * and fail at once with this message instead of hanging. 501 is not among the statuses Ocean
 * retries, so nothing loops.
 */
public final class UnsupportedRoutes {

    public void register(RoutesConfig routes) {
        routes.post("/v1/actions", ctx -> refuse(ctx, "Self-service actions are not supported by Portolan; the action was not created"));
        routes.post("/v1/actions/runs/claim-pending", ctx -> refuse(ctx,
                "Self-service actions are not supported by Portolan: there are no action runs to claim"));
        routes.post("/v1/blueprints/{blueprint}/scorecards", ctx -> refuse(ctx, "Scorecards are not supported by Portolan; the scorecard was not created"));
        routes.post("/v1/pages", ctx -> refuse(ctx, "Pages are not supported by Portolan; the page was not created"));
        routes.delete("/v1/pages/{page}", ctx -> refuse(ctx, "Pages are not supported by Portolan"));
        routes.get("/v1/kafka-credentials", ctx -> refuse(ctx, "The KAFKA event listener is not supported by Portolan: run the integration with the POLLING or ONCE event listener"));
        routes.post("/v1/integration/{id}/ingest/<rest>", ctx -> refuse(ctx,
                "Raw-data ingestion (Port's lakehouse) is not supported by Portolan; entities are ingested through the catalog API"));
    }

    private static void refuse(Context ctx, String message) {
        Authenticator.principal(ctx);
        throw new ApiException(501, "not_supported", message);
    }
}
