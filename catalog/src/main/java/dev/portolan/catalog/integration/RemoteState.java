package dev.portolan.catalog.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * What Portolan keeps of an integration that runs in a process of its own (an Ocean integration,
 * or {@code portolan integration run}) besides its {@link Installation}: who it is and what it last
 * reported.
 *
 * @param credential           the client id that registered it: only this credential may ship its
 *                             logs and metrics to the ingest URLs
 * @param version              the version it reports (Ocean compares it on every start)
 * @param changelogDestination Ocean's event-listener description, kept as given; null when none
 * @param resyncState          the last {@code PATCH .../resync-state} body, with {@code updatedAt}; null before any
 * @param currentResyncId      the resync its last "running" state opened (logs, metrics and examples go there); null before any
 * @param resyncRequestedAt    when someone last asked for a resync (polling integrations pick it up); null when never
 */
public record RemoteState(String integration, String credential, String version, JsonNode changelogDestination,
                          ObjectNode resyncState, String currentResyncId, Instant resyncRequestedAt) {

    public static RemoteState registered(String integration, String credential, String version, JsonNode changelogDestination) {
        return new RemoteState(integration, credential, version, changelogDestination, null, null, null);
    }

    public RemoteState withRegistration(String newVersion, JsonNode newChangelogDestination) {
        return new RemoteState(integration, credential, newVersion, newChangelogDestination, resyncState, currentResyncId, resyncRequestedAt);
    }

    public RemoteState withResyncState(ObjectNode state, String resyncId) {
        return new RemoteState(integration, credential, version, changelogDestination, state, resyncId, resyncRequestedAt);
    }

    public RemoteState withResyncRequest(Instant at) {
        return new RemoteState(integration, credential, version, changelogDestination, resyncState, currentResyncId, at);
    }

    /**
     * Whether a resync was asked for and the integration has reported no resync state since (the
     * state's {@code updatedAt} is the server's time of the report, as {@code resyncRequestedAt} is).
     */
    public boolean resyncRequestPending() {
        if (resyncRequestedAt == null) return false;
        String reportedAt = resyncState == null ? null : resyncState.path("updatedAt").asText(null);
        return reportedAt == null || Instant.parse(reportedAt).isBefore(resyncRequestedAt);
    }
}
