package dev.portolan.server.auth;

import dev.portolan.catalog.access.AccessService;
import dev.portolan.catalog.access.Role;

import java.util.Optional;

/**
 * The first start of a server creates one admin credential so that someone can log in. Its secret
 * is shown once and only its hash is stored. With a client id and secret given (environment
 * variables, for automation) that credential is created when missing, on any start.
 */
public final class AdminBootstrap {

    private AdminBootstrap() {}

    /** @return the credential created now, with its secret; empty when nothing was created */
    public static Optional<AccessService.IssuedCredential> ensureAdmin(AccessService access, String clientId, String clientSecret) {
        if (clientId != null && clientSecret != null) {
            if (access.findCredential(clientId).isPresent()) return Optional.empty();
            return Optional.of(access.createCredential(clientId, clientSecret, Role.ADMIN, null, "admin (from the environment)"));
        }
        if (!access.hasNoCredentials()) return Optional.empty();
        return Optional.of(access.createCredential(clientId, null, Role.ADMIN, null, "first admin, created at first start"));
    }
}
