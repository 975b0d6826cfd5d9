package dev.portolan.sync.client;

import dev.portolan.catalog.integration.ResyncOrigin;

/**
 * The mapping's write options, carried by every upsert.
 *
 * @param origin the resync and resource writing, recorded in the audit log; null outside a resync (live events)
 */
public record IngestOptions(boolean merge, boolean createMissingRelatedEntities, ResyncOrigin origin) {

    public IngestOptions(boolean merge, boolean createMissingRelatedEntities) {
        this(merge, createMissingRelatedEntities, null);
    }

    public IngestOptions from(ResyncOrigin writer) {
        return new IngestOptions(merge, createMissingRelatedEntities, writer);
    }
}
