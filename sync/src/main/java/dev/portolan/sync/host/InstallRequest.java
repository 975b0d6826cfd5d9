package dev.portolan.sync.host;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Port's install body ({@code installationId}, {@code installationAppType}, {@code config}) plus
 * the type's own {@code settings}.
 *
 * @param config   the mapping, or null for the integration's default mapping
 * @param settings the type's settings (validated by its declaration)
 */
public record InstallRequest(String identifier, String type, String title, JsonNode settings, JsonNode config,
                             int scheduledResyncInterval) {}
