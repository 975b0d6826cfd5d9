package dev.portolan.sync.mapping;

import java.util.Map;

/**
 * How one raw object becomes one entity: a jq expression per field. {@code identifier} and
 * relation values may instead be search queries ({@link MappedValue.Search}) that find the entity
 * by its properties.
 *
 * @param title    jq, or null to leave the title to the catalog (the identifier)
 * @param team     jq yielding a team name or an array of them; null when not mapped
 * @param icon     jq; null when not mapped
 */
public record EntityMapping(MappedValue identifier, String blueprint, String title, String team, String icon,
                            Map<String, String> properties, Map<String, MappedValue> relations) {}
