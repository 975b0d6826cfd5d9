package dev.portolan.sync.spi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.sync.settings.Settings;

import java.util.function.BooleanSupplier;

/**
 * What a fetcher gets for one resource of one resync.
 *
 * @param integration   the installation's identifier, for logs
 * @param settings      the installation's parsed settings
 * @param selector      the resource's selector, with the integration's own fields ({@code query} too)
 * @param cancelled     true once the resync is aborted; long fetches should check it between pages
 * @param mappingFields the integration's own root fields of the mapping (see {@link Integration#mappingFields()}),
 *                      e.g. GitHub's {@code repositoryType}; never null
 * @param reporter      where notes and fetch figures go; never null
 */
public record FetchContext(String integration, Settings settings, ObjectNode selector, BooleanSupplier cancelled,
                           ObjectNode mappingFields, FetchReporter reporter) {

    public FetchContext {
        if (mappingFields == null) mappingFields = JsonNodeFactory.instance.objectNode();
        if (reporter == null) reporter = FetchReporter.NONE;
    }

    /** A context without mapping root fields that reports nothing (checks, tests). */
    public FetchContext(String integration, Settings settings, ObjectNode selector, BooleanSupplier cancelled) {
        this(integration, settings, selector, cancelled, null, null);
    }
}
