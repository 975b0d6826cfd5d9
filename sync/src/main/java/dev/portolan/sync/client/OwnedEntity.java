package dev.portolan.sync.client;

import java.time.Instant;

/** An entity an integration owns, as reconciliation needs it: where it is and when it was last written. */
public record OwnedEntity(String blueprint, String identifier, Instant updatedAt) {}
