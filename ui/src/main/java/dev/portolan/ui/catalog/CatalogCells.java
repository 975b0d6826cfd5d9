package dev.portolan.ui.catalog;

import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.ui.values.PropertyValues;
import dev.portolan.ui.values.ShownValue;

import java.time.Instant;
import java.util.List;

/** The value of one column for one entity, for the table and the CSV export alike. */
final class CatalogCells {

    private CatalogCells() {}

    static ShownValue cell(Blueprint blueprint, CatalogColumn column, Entity entity) {
        return switch (column.kind()) {
            case META -> meta(column.key(), entity);
            case RELATION -> PropertyValues.relation(entity.relations() == null ? null : entity.relations().get(column.key()),
                    blueprint.relations().get(column.key()));
            case PROPERTY -> PropertyValues.property(entity.properties() == null ? null : entity.properties().get(column.key()),
                    blueprint.properties().definitions().get(column.key()));
        };
    }

    private static ShownValue meta(String key, Entity entity) {
        return switch (key) {
            case "$identifier" -> ShownValue.text(ShownValue.Kind.TEXT, entity.identifier());
            case "$team" -> entity.team() == null || entity.team().isEmpty() ? ShownValue.EMPTY
                    : new ShownValue(ShownValue.Kind.CHIPS, String.join(", ", entity.team()), null, List.copyOf(entity.team()), null);
            case "$createdAt" -> date(entity.createdAt());
            case "$updatedAt" -> date(entity.updatedAt());
            default -> ShownValue.EMPTY;
        };
    }

    private static ShownValue date(Instant instant) {
        return instant == null ? ShownValue.EMPTY : ShownValue.text(ShownValue.Kind.DATE, instant.toString());
    }
}
