package dev.portolan.sync.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.sync.settings.Settings;

import java.util.function.BooleanSupplier;

/**
 * What a fetcher gets for one resource of one resync.
 *
 * @param integration the installation's identifier, for logs
 * @param settings    the installation's parsed settings
 * @param selector    the resource's selector, with the integration's own fields ({@code query} too)
 * @param cancelled   true once the resync is aborted; long fetches should check it between pages
 */
public record FetchContext(String integration, Settings settings, ObjectNode selector, BooleanSupplier cancelled) {}
