package dev.portolan.sync.mapper;

import dev.portolan.catalog.entity.EntityKey;

import java.util.ArrayList;
import java.util.List;

/**
 * What one raw object became.
 *
 * @param filteredOut  true when {@code selector.query} dropped it
 * @param entities     the entities it produced (several with itemsToParse or several mappings)
 * @param failures     entities that could not be produced (no identifier, no blueprint, a
 *                     selector that is not boolean, itemsToParse that is not an array)
 */
public record MappingResult(boolean filteredOut, List<MappedEntity> entities, List<MappingProblem> failures) {

    static MappingResult filtered() {
        return new MappingResult(true, List.of(), List.of());
    }

    /** The entities it produced that have an identifier and a blueprint (a search-query identifier has none yet). */
    public List<EntityKey> keys() {
        List<EntityKey> keys = new ArrayList<>();
        for (MappedEntity entity : entities) {
            if (entity.identifier() != null && entity.blueprint() != null) keys.add(new EntityKey(entity.blueprint(), entity.identifier()));
        }
        return keys;
    }
}
