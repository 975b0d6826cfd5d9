package dev.portolan.sync.mapper;

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
}
