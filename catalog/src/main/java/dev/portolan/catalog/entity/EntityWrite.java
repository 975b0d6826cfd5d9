package dev.portolan.catalog.entity;

/**
 * An entity to insert or update, with the hash of its content ({@link ContentHash}) that lets
 * the next identical upsert be recognised as <em>not changed</em> without reading the entity.
 */
public record EntityWrite(Entity entity, String contentHash) {}
