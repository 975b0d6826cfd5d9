package dev.portolan.catalog.blueprint;

/**
 * A property read through relations: {@code path} is {@code relation(.relation)*.property}, where
 * the last segment may also be a meta-property such as {@code $title} or {@code $identifier}.
 * Computed when an entity is read; never stored.
 */
public record MirrorProperty(String title, String path) {}
