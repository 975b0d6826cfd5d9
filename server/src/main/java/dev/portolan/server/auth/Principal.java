package dev.portolan.server.auth;

import dev.portolan.catalog.Actor;
import dev.portolan.catalog.access.Role;

/** Who is calling, as proven by the access token of the request. */
public record Principal(String clientId, Role role) {

    public Actor actor() {
        return Actor.credential(clientId);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
