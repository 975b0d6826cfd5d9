package dev.portolan.catalog.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * An entity as a request gives it, before it is merged with what is stored and validated. A
 * null field was absent from the request (and so, under merge, keeps its stored value); an
 * explicit JSON null is kept as {@link com.fasterxml.jackson.databind.node.NullNode}.
 *
 * @param team        null when absent
 * @param properties  only the properties the request names; never null
 * @param relations   only the relations the request names; never null
 */
public record EntityDraft(String identifier, JsonNode title, JsonNode icon, List<String> team,
                          ObjectNode properties, ObjectNode relations) {}
