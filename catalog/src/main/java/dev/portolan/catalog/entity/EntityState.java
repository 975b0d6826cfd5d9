package dev.portolan.catalog.entity;

import java.time.Instant;

/** What the store knows about a stored entity without reading its content. */
public record EntityState(String identifier, String contentHash, String datasource,
                          Instant createdAt, String createdBy) {}
