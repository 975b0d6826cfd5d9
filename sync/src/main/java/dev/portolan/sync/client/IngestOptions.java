package dev.portolan.sync.client;

/** The mapping's write options, carried by every upsert. */
public record IngestOptions(boolean merge, boolean createMissingRelatedEntities) {}
