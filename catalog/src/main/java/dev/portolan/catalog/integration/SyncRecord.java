package dev.portolan.catalog.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * One resync of an integration as stored: its state and times for listing, and the whole report
 * (as the integration framework writes it) for the Sync Status and its history. Credentials in
 * URLs anywhere in the report are redacted ({@link SecretUrls}), whoever wrote it.
 *
 * @param finishedAt null while it runs
 */
public record SyncRecord(String integration, String resyncId, String state, Instant startedAt, Instant finishedAt,
                         ObjectNode report) {

    public SyncRecord {
        if (report != null) report = (ObjectNode) SecretUrls.redactStrings(report, java.util.Set.of());
    }
}
