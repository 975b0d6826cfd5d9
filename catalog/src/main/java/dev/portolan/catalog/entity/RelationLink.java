package dev.portolan.catalog.entity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.Relation;

import java.util.ArrayList;
import java.util.List;

/** One target an entity's relation points at, with the relation's name. */
record RelationLink(String relation, EntityKey target) {

    /** Every target of a (valid) entity's relations; null values and unknown relations give none. */
    static List<RelationLink> of(Entity entity, Blueprint blueprint) {
        List<RelationLink> links = new ArrayList<>();
        entity.relations().properties().forEach(e -> {
            Relation relation = blueprint.relations().get(e.getKey());
            if (relation == null) return;
            JsonNode value = e.getValue();
            if (value.isTextual()) {
                links.add(new RelationLink(e.getKey(), new EntityKey(relation.target(), value.asText())));
            } else if (value.isArray()) {
                value.forEach(v -> links.add(new RelationLink(e.getKey(), new EntityKey(relation.target(), v.asText()))));
            }
        });
        return links;
    }
}
