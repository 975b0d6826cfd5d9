package dev.portolan.sync.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One entry of a mapping: which kind to fetch, which objects to keep, and how to turn each into
 * entities. The same kind may appear in several resources.
 *
 * @param selector              the whole selector as given ({@code query} and the integration's own fields)
 * @param selectorQuery         jq yielding a boolean; {@code true} when not given
 * @param itemsToParse          jq yielding an array that turns one object into several; null when not given
 * @param itemsToParseName      the name under which each item is seen ({@code .item} by default)
 * @param itemsToParseTopLevelTransform whether the mappings see the item alone as the root; otherwise they see
 *                              a copy of the object with the item under {@code .<itemsToParseName>}
 * @param entities              one or more entity mappings per object
 */
public record ResourceMapping(String kind, ObjectNode selector, String selectorQuery, String itemsToParse,
                              String itemsToParseName, boolean itemsToParseTopLevelTransform,
                              List<EntityMapping> entities) {}
