package dev.portolan.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.server.auth.Authenticator;
import io.javalin.config.RoutesConfig;

/**
 * {@code GET /v1/organization}: one Portolan server (or group of replicas on one database) is one
 * organization. Ocean reads its {@code id} and {@code featureFlags}; Portolan turns on none of
 * Port's feature flags, so Ocean takes its default paths.
 */
public final class OrganizationRoutes {

    private final String organizationId;
    private final String name;

    public OrganizationRoutes(String organizationId, String name) {
        this.organizationId = organizationId;
        this.name = name;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/organization", ctx -> {
            Authenticator.principal(ctx);
            ObjectNode organization = Json.object();
            organization.put("id", organizationId);
            organization.put("name", name);
            organization.putArray("featureFlags");
            Responses.send(ctx, Responses.ok("organization", organization));
        });
    }
}
