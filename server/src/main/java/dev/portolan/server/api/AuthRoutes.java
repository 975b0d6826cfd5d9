package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.access.AccessService;
import dev.portolan.catalog.access.Credential;
import dev.portolan.server.auth.LoginThrottle;
import dev.portolan.server.auth.TokenService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code POST /v1/auth/access_token}: a client id and secret for a bearer token; 429 with
 * {@code Retry-After} while the client id or the caller's address is throttled ({@link LoginThrottle}).
 */
public final class AuthRoutes {

    private final AccessService access;
    private final TokenService tokens;
    private final Requests requests;
    private final LoginThrottle throttle;

    public AuthRoutes(AccessService access, TokenService tokens, Requests requests, LoginThrottle throttle) {
        this.access = access;
        this.tokens = tokens;
        this.requests = requests;
        this.throttle = throttle;
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/auth/access_token", this::accessToken);
    }

    private void accessToken(Context ctx) {
        JsonNode body = requests.json(ctx);
        JsonNode clientId = body.get("clientId");
        JsonNode clientSecret = body.get("clientSecret");
        if (clientId == null || !clientId.isTextual() || clientSecret == null || !clientSecret.isTextual()) {
            throw ApiException.badRequest("The body must be {\"clientId\": \"...\", \"clientSecret\": \"...\"}");
        }
        String address = ctx.ip();
        throttle.retryAfter(clientId.asText(), address).ifPresent(wait -> {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ApiException(429, "too_many_requests",
                    "Too many failed attempts for this client id or from this address; try again in " + seconds + " s");
        });
        Credential credential = access.authenticate(clientId.asText(), clientSecret.asText()).orElse(null);
        if (credential == null) {
            throttle.failed(clientId.asText(), address);
            throw ApiException.unauthorized("Unknown client id or wrong client secret");
        }
        throttle.succeeded(clientId.asText());
        ObjectNode response = Responses.ok();
        response.put("accessToken", tokens.issue(credential));
        response.put("expiresIn", tokens.ttl().toSeconds());
        response.put("tokenType", "Bearer");
        Responses.send(ctx, response);
    }
}
