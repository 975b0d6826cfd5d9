package dev.portolan.sync.mapper;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One entity produced from one raw object, in Port's entity JSON shape (identifier, title,
 * blueprint, team, icon, properties, relations), with the leaves that failed or gave null
 * (reported, not fatal).
 */
public record MappedEntity(String blueprint, ObjectNode entity, List<MappingProblem> problems) {

    public String identifier() {
        return entity.path("identifier").isTextual() ? entity.get("identifier").asText() : null;
    }
}
