package dev.portolan.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.json.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP responses: {@code {ok: false, error, message}} with the
 * status the failure calls for, plus {@code details} (path and message per violation) when there
 * are several things wrong.
 */
public final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {}

    public static void register(RoutesConfig routes) {
        routes.exception(CatalogException.class, (e, ctx) -> respond(ctx, status(e.problem()), e.error(), e.getMessage(), e));
        routes.exception(ApiException.class, (e, ctx) -> respond(ctx, e.status(), e.error(), e.getMessage(), null));
        routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), errorOf(e.getStatus()), e.getMessage(), null));
        routes.exception(IllegalArgumentException.class, (e, ctx) -> respond(ctx, 400, "invalid_request", e.getMessage(), null));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, 500, "internal_error", "Something went wrong on the server; the log has the details", null);
        });
        routes.error(404, "*", ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                respond(ctx, 404, "not_found", "No route for " + ctx.method() + " " + ctx.path(), null);
            }
        });
        routes.error(405, "*", ctx -> respond(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path(), null));
    }

    /** Port's error code for a status Javalin itself answers with (an unknown route is a 404 like any other). */
    static String errorOf(int status) {
        return switch (status) {
            case 400 -> "invalid_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            default -> "http_error";
        };
    }

    public static int status(CatalogException.Problem problem) {
        return problem.httpStatus();
    }

    /** The error body of a catalog failure, also used per entity in bulk responses. */
    public static ObjectNode body(String error, String message, CatalogException cause) {
        ObjectNode body = Json.object();
        body.put("ok", false);
        body.put("error", error);
        body.put("message", message);
        if (cause != null && !cause.violations().isEmpty()) {
            ArrayNode details = body.putArray("details");
            for (Violation v : cause.violations()) {
                details.addObject().put("path", v.path()).put("message", v.message());
            }
        }
        return body;
    }

    private static void respond(Context ctx, int status, String error, String message, CatalogException cause) {
        ctx.status(status).contentType("application/json").result(Json.write(body(error, message, cause)));
    }
}
