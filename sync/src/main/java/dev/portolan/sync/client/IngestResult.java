package dev.portolan.sync.client;

/**
 * What became of one entity of an upsert.
 *
 * @param missingRelatedEntity true when it failed only because a relation points at an entity
 *                             that does not exist (yet): such entities are retried in reconciliation
 * @param error                why it failed, for the report; null otherwise
 */
public record IngestResult(String identifier, Status status, boolean missingRelatedEntity, String error) {

    public enum Status {
        CREATED, UPDATED, UNCHANGED, FAILED
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
