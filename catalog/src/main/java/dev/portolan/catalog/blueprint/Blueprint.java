package dev.portolan.catalog.blueprint;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Map;

/**
 * A type in the catalog. The property schema stays JSON ({@code {properties, required}}) because it
 * is JSON Schema, round-trips to Port's API unchanged, and is checked by {@link BlueprintValidator}
 * and read by {@link PropertySchema}.
 *
 * @param schema                 {@code {"properties": {...}, "required": [...]}}; never null
 * @param relations              by relation identifier, in declaration order; never null
 * @param aggregationProperties  kept as given (computed by a later issue); never null
 * @param extra                  Port fields we keep but do not interpret ({@code teamInheritance},
 *                               {@code changelogDestination}, {@code ownership}, ...); never null
 */
public record Blueprint(
        String identifier,
        String title,
        String icon,
        String description,
        ObjectNode schema,
        Map<String, Relation> relations,
        Map<String, MirrorProperty> mirrorProperties,
        Map<String, CalculationProperty> calculationProperties,
        ObjectNode aggregationProperties,
        ObjectNode extra,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public PropertySchema properties() {
        return PropertySchema.of(schema);
    }

    public Blueprint withMeta(Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
        return new Blueprint(identifier, title, icon, description, schema, relations, mirrorProperties,
                calculationProperties, aggregationProperties, extra, createdAt, createdBy, updatedAt, updatedBy);
    }
}
