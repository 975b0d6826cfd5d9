package dev.portolan.catalog.integration;

import java.time.Instant;

/**
 * One line of an integration's event log. {@code kind} is null for lines about the resync as a
 * whole. Credentials in URLs of the message are redacted ({@link SecretUrls}) whoever wrote it.
 *
 * @param seq the line's place in the log, assigned when stored (0 before): the paging cursor
 */
public record SyncEvent(String integration, String resyncId, Instant timestamp, String level, String kind, String message, long seq) {

    public SyncEvent {
        message = SecretUrls.redact(message);
    }

    public SyncEvent(String integration, String resyncId, Instant timestamp, String level, String kind, String message) {
        this(integration, resyncId, timestamp, level, kind, message, 0);
    }
}
