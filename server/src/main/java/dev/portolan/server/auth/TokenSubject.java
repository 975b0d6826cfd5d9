package dev.portolan.server.auth;

import dev.portolan.catalog.access.Credential;

/**
 * Whom a verified token was issued to: a client id and the version of its credential at the time
 * ({@link Credential#version()}).
 */
public record TokenSubject(String clientId, String credentialVersion) {

    /** True when {@code credential} is the very instance this token was issued to, not a later one of the same client id. */
    public boolean isIssuedTo(Credential credential) {
        return credential.clientId().equals(clientId) && credential.version().equals(credentialVersion);
    }
}
