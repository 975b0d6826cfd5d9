package dev.portolan.catalog.integration;

import dev.portolan.catalog.Identifiers;

import java.util.Optional;

/**
 * The {@code User-Agent} an Ocean integration sends:
 * {@code port-ocean/<type>/<version>/<identifier>[/<role>]}, role being {@code exporter} (or
 * {@code sync}, {@code gitops} in other generations). Port records it as the datasource of every
 * entity it writes, and Ocean finds what it owns by searching {@code $datasource} for
 * {@code port-ocean/<type>/} and {@code /<identifier>/<role>}; Portolan does the same.
 *
 * @param datasource the whole header, as stored on the entities it writes
 */
public record OceanUserAgent(String type, String version, String integration, String role, String datasource) {

    private static final String PREFIX = "port-ocean/";

    /** Empty for any other user agent (or one whose integration identifier is not a valid identifier). */
    public static Optional<OceanUserAgent> parse(String header) {
        if (header == null || !header.startsWith(PREFIX) || header.length() > 512) return Optional.empty();
        String[] parts = header.substring(PREFIX.length()).split("/", -1);
        if (parts.length < 3 || parts.length > 4) return Optional.empty();
        for (String part : parts) if (part.isBlank()) return Optional.empty();
        if (!Identifiers.isSchemaIdentifier(parts[2])) return Optional.empty();
        return Optional.of(new OceanUserAgent(parts[0], parts[1], parts[2], parts.length == 4 ? parts[3] : null, header));
    }
}
