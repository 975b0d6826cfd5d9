package dev.portolan.catalog.access;

import java.time.Instant;

/**
 * An API credential. Only a hash of the secret is ever stored ({@code secretHash}).
 *
 * @param userEmail  the user this credential acts for, or null for a machine credential
 */
public record Credential(String clientId, String secretHash, Role role, String userEmail,
                         String description, Instant createdAt) {}
