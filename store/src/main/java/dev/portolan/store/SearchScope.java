package dev.portolan.store;

import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.PropertyDefinition;
import dev.portolan.catalog.blueprint.Relation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a search needs to know about blueprints: which of the searched blueprints define a name as
 * a relation or a property, and with which shape; and, for {@code relatedTo} with {@code required},
 * every required relation of the catalog.
 */
final class SearchScope {

    /** How a property's values are compared: one value, an array of values, or decided per row. */
    enum Shape { SCALAR, ARRAY, UNKNOWN }

    /** A relation declared required: edges from {@code blueprint} through {@code relation} are followed. */
    record RequiredRelation(String blueprint, String relation) {}

    private final List<Blueprint> searched;
    private final Supplier<List<Blueprint>> allBlueprints;

    SearchScope(List<Blueprint> searched, Supplier<List<Blueprint>> allBlueprints) {
        this.searched = searched;
        this.allBlueprints = allBlueprints;
    }

    /** Searched blueprints where {@code name} is a relation. */
    List<String> relationBlueprints(String name) {
        List<String> blueprints = new ArrayList<>();
        searched.forEach(b -> {
            if (b.relations() != null && b.relations().containsKey(name)) {
                blueprints.add(b.identifier());
            }
        });
        return blueprints;
    }

    boolean coversOnly(List<String> blueprints) {
        return searched.size() == blueprints.size();
    }

    Shape relationShape(String name) {
        Set<Shape> shapes = new HashSet<>();
        searched.forEach(b -> {
            Relation relation = b.relations() == null ? null : b.relations().get(name);
            if (relation != null) {
                shapes.add(relation.many() ? Shape.ARRAY : Shape.SCALAR);
            }
        });
        return shapes.size() == 1 ? shapes.iterator().next() : Shape.UNKNOWN;
    }

    Shape propertyShape(String name) {
        Set<Shape> shapes = new HashSet<>();
        searched.forEach(b -> {
            PropertyDefinition definition = b.properties().definition(name);
            if (definition != null) {
                shapes.add(shapeOf(definition));
            }
        });
        return shapes.size() == 1 ? shapes.iterator().next() : Shape.UNKNOWN;
    }

    List<RequiredRelation> requiredRelations() {
        List<RequiredRelation> required = new ArrayList<>();
        allBlueprints.get().forEach(b -> {
            if (b.relations() != null) {
                b.relations().forEach((name, relation) -> {
                    if (relation.required()) {
                        required.add(new RequiredRelation(b.identifier(), name));
                    }
                });
            }
        });
        return required;
    }

    private static Shape shapeOf(PropertyDefinition definition) {
        String type = definition.type();
        if ("array".equals(type)) {
            return Shape.ARRAY;
        }
        if ("string".equals(type) || "number".equals(type) || "integer".equals(type) || "boolean".equals(type)) {
            return Shape.SCALAR;
        }
        return Shape.UNKNOWN;
    }
}
