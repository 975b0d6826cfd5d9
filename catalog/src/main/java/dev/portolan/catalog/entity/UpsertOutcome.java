package dev.portolan.catalog.entity;

import dev.portolan.catalog.CatalogException;

import java.util.List;

/**
 * What became of one entity of a write.
 *
 * @param entity  the entity as stored (or as it would be, with {@code validationOnly}); null when failed
 * @param error   why it failed; null otherwise
 * @param droppedProperties properties the request gave that the blueprint does not define: not
 *                          stored (Port drops them too), named so that the writer can learn of it
 */
public record UpsertOutcome(int index, String identifier, Status status, Entity entity, CatalogException error,
                            List<String> droppedProperties) {

    public UpsertOutcome(int index, String identifier, Status status, Entity entity, CatalogException error) {
        this(index, identifier, status, entity, error, List.of());
    }

    public UpsertOutcome {
        droppedProperties = List.copyOf(droppedProperties);
    }

    /** The same outcome, naming the properties dropped from its request. */
    public UpsertOutcome withDroppedProperties(List<String> names) {
        return new UpsertOutcome(index, identifier, status, entity, error, names);
    }

    public enum Status {
        CREATED, UPDATED, UNCHANGED, FAILED
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    static UpsertOutcome failure(int index, String identifier, CatalogException error) {
        return new UpsertOutcome(index, identifier, Status.FAILED, null, error);
    }
}
