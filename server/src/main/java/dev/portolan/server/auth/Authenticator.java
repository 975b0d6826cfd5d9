package dev.portolan.server.auth;

import dev.portolan.catalog.access.AccessService;
import dev.portolan.catalog.access.Credential;
import dev.portolan.catalog.integration.OceanUserAgent;
import dev.portolan.server.api.ApiException;
import io.javalin.http.Context;

/**
 * Checks the bearer token of every {@code /v1} request (but the token endpoint itself) and
 * records the caller on the request, with the role its stored credential has now. A token of a
 * credential deleted (or replaced) since is refused too.
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
        TokenSubject subject = tokens.verify(header.substring(7).trim())
                .orElseThrow(() -> ApiException.unauthorized("The access token is invalid or expired; get a new one from POST /v1/auth/access_token"));
        // The role comes from the stored credential, never from the token, and only while that
        // credential is the one the token was issued to: a client id deleted and created again
        // (as a member, say) does not inherit the old tokens.
        Credential credential = access.currentCredential(subject.clientId())
                .filter(subject::isIssuedTo)
                .orElseThrow(() -> ApiException.unauthorized(
                        "The credential of this access token no longer exists or was replaced; get a new token"));
        ctx.attribute(PRINCIPAL, new Principal(credential.clientId(), credential.role()));
    }

    public static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) throw ApiException.unauthorized("Not authenticated");
        return principal;
    }

    /** The header a self-hosted integration process sends to write as the integration (owner of what it writes). */
    public static final String INTEGRATION_HEADER = "X-Portolan-Integration";

    /**
     * Who a write is made by: the caller; or, when the request carries {@link #INTEGRATION_HEADER},
     * the named integration; or, when its {@code User-Agent} is an Ocean integration's
     * ({@link OceanUserAgent}), that integration, with the header as the datasource of what it
     * writes, as Port records it. Only admin credentials may write on an integration's behalf:
     * what an integration owns, its next resync may delete.
     */
    public static dev.portolan.catalog.Actor actor(Context ctx) {
        Principal principal = principal(ctx);
        String integration = ctx.header(INTEGRATION_HEADER);
        var ocean = OceanUserAgent.parse(ctx.header("User-Agent"));
        if ((integration == null || integration.isBlank()) && ocean.isEmpty()) return principal.actor();
        String named = ocean.map(OceanUserAgent::integration).orElse(integration);
        if (!principal.isAdmin()) {
            throw ApiException.forbidden("Writing as integration '" + named + "' needs an admin credential");
        }
        if (ocean.isPresent()) {
            return new dev.portolan.catalog.Actor("integration:" + named, ocean.get().datasource());
        }
        if (!dev.portolan.catalog.Identifiers.isSchemaIdentifier(integration)) {
            throw ApiException.badRequest("Header " + INTEGRATION_HEADER + " must be an integration identifier, got '" + integration + "'");
        }
        return dev.portolan.catalog.Actor.integration(integration);
    }

    /** The integration a write is made for, if any (see {@link #actor}). */
    public static java.util.Optional<String> writingIntegration(dev.portolan.catalog.Actor actor) {
        return actor.origin().startsWith("integration:")
                ? java.util.Optional.of(actor.origin().substring("integration:".length())) : java.util.Optional.empty();
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
