package dev.portolan.catalog.entity;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An instance of a blueprint.
 *
 * @param team        team names; never null (empty when unowned)
 * @param properties  property values by property identifier; never null
 * @param relations   by relation identifier: a target identifier (string), a list of them (array)
 *                    for {@code many} relations, or null; never null itself
 * @param datasource  which writer owns the entity: an integration identifier, an Ocean integration's
 *                    {@code User-Agent} ({@code port-ocean/<type>/<version>/<id>/exporter}), or null for the API
 * @param calculationErrors why a calculation property could not be calculated on this read, by
 *                    property (its value reads as null); empty for every entity as stored
 */
public record Entity(
        String identifier,
        String title,
        String icon,
        List<String> team,
        String blueprint,
        ObjectNode properties,
        ObjectNode relations,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        String datasource,
        Map<String, String> calculationErrors) {

    public Entity {
        calculationErrors = calculationErrors == null ? Map.of() : Map.copyOf(calculationErrors);
    }

    /** An entity as stored: no calculation errors (those exist only on a read). */
    public Entity(String identifier, String title, String icon, List<String> team, String blueprint, ObjectNode properties,
                  ObjectNode relations, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, String datasource) {
        this(identifier, title, icon, team, blueprint, properties, relations, createdAt, createdBy, updatedAt, updatedBy,
                datasource, Map.of());
    }

    public EntityKey key() {
        return new EntityKey(blueprint, identifier);
    }

    public Entity withMeta(Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, String datasource) {
        return new Entity(identifier, title, icon, team, blueprint, properties, relations,
                createdAt, createdBy, updatedAt, updatedBy, datasource, calculationErrors);
    }
}
