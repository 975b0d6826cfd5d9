package dev.portolan.catalog.search;

import dev.portolan.catalog.entity.Entity;

import java.util.List;

/**
 * Entities in a stable order (blueprint, then identifier).
 *
 * @param next  the cursor for the following page, or null when this is the last page
 */
public record SearchPage(List<Entity> entities, String next) {}
