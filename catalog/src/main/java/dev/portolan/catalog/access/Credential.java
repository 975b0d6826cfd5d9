package dev.portolan.catalog.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

/**
 * An API credential. Only a hash of the secret is ever stored ({@code secretHash}).
 *
 * @param userEmail  the user this credential acts for, or null for a machine credential
 */
public record Credential(String clientId, String secretHash, Role role, String userEmail,
                         String description, Instant createdAt) {

    /**
     * Names this instance of the credential, so that a token binds to it rather than to its client
     * id alone: a credential deleted and created again with the same client id (or given a new
     * secret) has another version, because every secret hash carries its own random salt. A digest
     * of the hash, so that the version (visible in a token) tells nothing about the secret.
     */
    public String version() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((clientId + "\n" + secretHash).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
