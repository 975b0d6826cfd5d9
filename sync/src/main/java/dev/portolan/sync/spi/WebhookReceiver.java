package dev.portolan.sync.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.sync.settings.Settings;

/**
 * An integration's optional ability to take live events (webhook deliveries) between resyncs.
 * The host authenticates each delivery here, de-duplicates it by {@link #deliveryId}, then asks,
 * resource by resource of the installation's mapping, what the delivery changes for that
 * resource's kind; the objects it returns go through the same mapping as in a resync. Stateless
 * and thread-safe, like {@link Integration}.
 */
public interface WebhookReceiver {

    /** A delivery's headers, looked up case-insensitively; null when absent. */
    @FunctionalInterface
    interface Headers {
        String get(String name);
    }

    /**
     * Whether the delivery is authentic (e.g. its HMAC signature matches the installation's secret).
     * A delivery that is not changes nothing and is answered 401.
     */
    boolean authentic(Settings settings, Headers headers, byte[] body);

    /** The delivery's unique id, for de-duplication of redelivered events; null when it has none. */
    String deliveryId(Headers headers);

    /** The event for the event log, e.g. {@code pull_request.closed}. */
    String describe(Headers headers, JsonNode payload);

    /**
     * What the delivery changes for one resource of the mapping: raw objects of {@code kind}, in the
     * shape a resync fetches them, to upsert and to delete. {@link LiveChange#NONE} when the event does
     * not concern the kind. May read the source (the event's object re-fetched).
     *
     * @param context the resource's selector and the mapping's root fields, as for a fetch
     */
    LiveChange changes(String kind, FetchContext context, Headers headers, JsonNode payload) throws FetchException;
}
