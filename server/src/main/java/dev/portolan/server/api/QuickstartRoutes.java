package dev.portolan.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.server.auth.Authenticator;
import dev.portolan.ui.home.Quickstart;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code /v1/quickstart/git}: whether the server was started in a Git repository and whether the
 * Git integration reads it already (GET, any caller), and the one-click install on it (POST, admins:
 * 201; 409 once installed; 422 when there is no repository).
 */
public final class QuickstartRoutes {

    private final Quickstart git;

    public QuickstartRoutes(Quickstart git) {
        this.git = git;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/quickstart/git", this::show);
        routes.post("/v1/quickstart/git", this::install);
    }

    private void show(Context ctx) {
        Authenticator.principal(ctx);
        Responses.send(ctx, Responses.ok("git", status()));
    }

    private void install(Context ctx) {
        Authenticator.admin(ctx);
        git.install();
        Responses.send(ctx, 201, Responses.ok("git", status()));
    }

    private ObjectNode status() {
        ObjectNode status = Json.object();
        git.offer().ifPresentOrElse(offer -> status.put("available", true).put("directory", offer.directory())
                        .put("installed", offer.installed()).put("integration", offer.integration()),
                () -> status.put("available", false).putNull("directory").put("installed", false).putNull("integration"));
        return status;
    }
}
