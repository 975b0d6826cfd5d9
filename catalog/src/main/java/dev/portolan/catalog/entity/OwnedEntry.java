package dev.portolan.catalog.entity;

import java.time.Instant;

/**
 * An entity a datasource owns, as reconciliation and a resync's {@link StoredHashes} need it: where it
 * is, when it was last written and its content hash (null for a row written before hashes existed).
 */
public record OwnedEntry(EntityKey key, Instant updatedAt, String contentHash) {}
