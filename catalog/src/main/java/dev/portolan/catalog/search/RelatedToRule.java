package dev.portolan.catalog.search;

import java.util.List;

/**
 * {@code {operator: "relatedTo", blueprint, value, direction, required}}: entities connected to
 * one of {@code identifiers} (entities of {@code blueprint}) through a path of relations, walked
 * in {@link Direction}. With {@code required}, only relations declared required are followed.
 */
public record RelatedToRule(String blueprint, List<String> identifiers, Direction direction, boolean required)
        implements SearchNode {}
