package dev.portolan.catalog.entity;

/** One stored link: entity {@code source} points at {@code target} through {@code relation}. */
public record RelationEdge(EntityKey source, String relation, EntityKey target) {}
