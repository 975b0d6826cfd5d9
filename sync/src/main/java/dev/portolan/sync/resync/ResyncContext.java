package dev.portolan.sync.resync;

import dev.portolan.sync.client.CatalogClient;
import dev.portolan.sync.jq.JqEngine;
import dev.portolan.sync.mapping.Mapping;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.spi.Integration;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Everything one resync of one installation works with, passed in rather than looked up.
 *
 * @param installation  the integration's identifier (also the datasource of what it writes)
 * @param jqTimeout     the limit of one jq evaluation
 * @param batchSize     entities per upsert
 * @param cancelled     true once the resync must stop (a newer one started, or shutdown)
 */
public record ResyncContext(String installation, Integration integration, Settings settings, Mapping mapping,
                            CatalogClient client, JqEngine jq, Clock clock, Duration jqTimeout, int batchSize,
                            BooleanSupplier cancelled) {

    void checkNotCancelled() {
        if (cancelled.getAsBoolean()) throw new ResyncAbortedException("a newer resync of '" + installation + "' started");
    }
}
