package dev.portolan.catalog.entity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.blueprint.PropertySchema;

import java.util.ArrayList;
import java.util.List;

/**
 * Port's rule for properties a blueprint does not define: the entity is accepted and they are
 * dropped, not stored. Integrations rely on it (a default mapping may map more than the blueprint
 * has). The writer learns which were dropped from {@link UpsertOutcome#droppedProperties()};
 * everything else the blueprint refuses (wrong type, unknown relation, ...) still fails the entity.
 */
final class UnknownProperties {

    /** A draft without the properties its blueprint does not define, and their names in request order. */
    record Split(EntityDraft kept, List<String> dropped) {}

    private UnknownProperties() {}

    /** @param schema the blueprint's properties, read once for a whole batch */
    static Split split(EntityDraft draft, PropertySchema schema) {
        List<String> dropped = new ArrayList<>();
        draft.properties().fieldNames().forEachRemaining(name -> {
            if (schema.definition(name) == null) dropped.add(name);
        });
        if (dropped.isEmpty()) return new Split(draft, List.of());
        ObjectNode properties = draft.properties().deepCopy();
        properties.remove(dropped);
        return new Split(new EntityDraft(draft.identifier(), draft.title(), draft.icon(), draft.team(), properties,
                draft.relations()), List.copyOf(dropped));
    }
}
