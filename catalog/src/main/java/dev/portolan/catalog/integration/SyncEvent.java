package dev.portolan.catalog.integration;

import java.time.Instant;

/**
 * One line of an integration's event log. {@code kind} is null for lines about the resync as a
 * whole. Credentials in URLs of the message are redacted ({@link SecretUrls}) whoever wrote it.
 */
public record SyncEvent(String integration, String resyncId, Instant timestamp, String level, String kind, String message) {

    public SyncEvent {
        message = SecretUrls.redact(message);
    }
}
