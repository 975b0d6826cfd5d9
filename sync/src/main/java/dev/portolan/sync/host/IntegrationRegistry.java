package dev.portolan.sync.host;

import dev.portolan.catalog.CatalogException;
import dev.portolan.sync.spi.Integration;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The integration types a process can run, registered explicitly in its wiring code. */
public final class IntegrationRegistry {

    private final Map<String, Integration> byType = new LinkedHashMap<>();

    public IntegrationRegistry register(Integration integration) {
        if (byType.putIfAbsent(integration.type(), integration) != null) {
            throw new IllegalArgumentException("Integration type '" + integration.type() + "' is registered twice");
        }
        return this;
    }

    /** Whether this process can run integrations of the type. */
    public boolean hosts(String type) {
        return byType.containsKey(type);
    }

    /** @throws CatalogException 422 naming the known types */
    public Integration get(String type) {
        Integration integration = byType.get(type);
        if (integration == null) {
            throw CatalogException.invalid("unknown_integration_type", "The installation",
                    java.util.List.of(new dev.portolan.catalog.Violation("installationAppType", "unknown integration type '" + type
                            + "'; this server knows: " + String.join(", ", byType.keySet()))));
        }
        return integration;
    }

    public Collection<Integration> all() {
        return byType.values();
    }
}
