package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.access.AccessService;
import dev.portolan.catalog.access.Credential;
import dev.portolan.server.auth.TokenService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code POST /v1/auth/access_token}: a client id and secret for a bearer token. */
public final class AuthRoutes {

    private final AccessService access;
    private final TokenService tokens;
    private final Requests requests;

    public AuthRoutes(AccessService access, TokenService tokens, Requests requests) {
        this.access = access;
        this.tokens = tokens;
        this.requests = requests;
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
        Credential credential = access.authenticate(clientId.asText(), clientSecret.asText())
                .orElseThrow(() -> ApiException.unauthorized("Unknown client id or wrong client secret"));
        ObjectNode response = Responses.ok();
        response.put("accessToken", tokens.issue(credential));
        response.put("expiresIn", tokens.ttl().toSeconds());
        response.put("tokenType", "Bearer");
        Responses.send(ctx, response);
    }
}
