package dev.portolan.server.auth;

import dev.portolan.catalog.access.AccessService;
import dev.portolan.server.api.ApiException;
import io.javalin.http.Context;

/**
 * Checks the bearer token of every {@code /v1} request (but the token endpoint itself) and
 * records the caller on the request. A token of a credential deleted since is refused too.
 */
public final class Authenticator {

    private static final String PRINCIPAL = "portolan.principal";

    private final TokenService tokens;
    private final AccessService access;

    public Authenticator(TokenService tokens, AccessService access) {
        this.tokens = tokens;
        this.access = access;
    }

    public void authenticate(Context ctx) {
        if (ctx.path().equals("/v1/auth/access_token") || ctx.method().name().equals("OPTIONS")) return;
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw ApiException.unauthorized("Missing 'Authorization: Bearer <token>' header; get a token from POST /v1/auth/access_token");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("The Authorization header must be 'Bearer <token>'");
        }
        Principal principal = tokens.verify(header.substring(7).trim())
                .orElseThrow(() -> ApiException.unauthorized("The access token is invalid or expired; get a new one from POST /v1/auth/access_token"));
        if (access.findCredential(principal.clientId()).isEmpty()) {
            throw ApiException.unauthorized("The credential of this access token no longer exists");
        }
        ctx.attribute(PRINCIPAL, principal);
    }

    public static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) throw ApiException.unauthorized("Not authenticated");
        return principal;
    }

    /** The caller, who must be an admin (403 otherwise). */
    public static Principal admin(Context ctx) {
        Principal principal = principal(ctx);
        if (!principal.isAdmin()) {
            throw ApiException.forbidden("This needs the admin role; credential '" + principal.clientId() + "' is a member");
        }
        return principal;
    }
}
