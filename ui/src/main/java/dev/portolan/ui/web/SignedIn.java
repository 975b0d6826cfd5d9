package dev.portolan.ui.web;

import dev.portolan.catalog.Actor;
import dev.portolan.catalog.access.Role;

/**
 * Who is using the UI, as proven by the session cookie (checked on every request against the
 * stored credential, so a deleted credential is signed out and a changed role applies at once).
 *
 * @param csrfToken the token every state-changing request of this session must carry
 *                  (form field {@code _csrf} or header {@code X-CSRF-Token})
 */
public record SignedIn(String clientId, Role role, String csrfToken) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Who the audit log names for writes made in this session: the credential, as for the API. */
    public Actor actor() {
        return Actor.credential(clientId);
    }

    public String roleName() {
        return role == Role.ADMIN ? "admin" : "member";
    }
}
