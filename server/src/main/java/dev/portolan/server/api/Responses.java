package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import io.javalin.http.Context;

/** Writing {@code {ok: true, ...}} responses. */
public final class Responses {

    private Responses() {}

    /** A new {@code {"ok": true}} body to add fields to. */
    public static ObjectNode ok() {
        ObjectNode body = Json.object();
        body.put("ok", true);
        return body;
    }

    public static ObjectNode ok(String field, JsonNode value) {
        ObjectNode body = ok();
        body.set(field, value);
        return body;
    }

    public static void send(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    public static void send(Context ctx, JsonNode body) {
        send(ctx, 200, body);
    }
}
