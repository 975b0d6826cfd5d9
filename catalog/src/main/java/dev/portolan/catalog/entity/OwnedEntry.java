package dev.portolan.catalog.entity;

import java.time.Instant;

/** An entity a datasource owns, as reconciliation needs it: where it is and when it was last written. */
public record OwnedEntry(EntityKey key, Instant updatedAt) {}
