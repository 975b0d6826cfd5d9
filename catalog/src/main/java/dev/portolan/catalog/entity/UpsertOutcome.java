package dev.portolan.catalog.entity;

import dev.portolan.catalog.CatalogException;

/**
 * What became of one entity of a write.
 *
 * @param entity  the entity as stored (or as it would be, with {@code validationOnly}); null when failed
 * @param error   why it failed; null otherwise
 */
public record UpsertOutcome(int index, String identifier, Status status, Entity entity, CatalogException error) {

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
