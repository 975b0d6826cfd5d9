package dev.portolan.ui.datasources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.ui.UiServices;
import dev.portolan.ui.web.Words;

/**
 * The top of every tab of an integration's page: what it is, how its latest resync went, and
 * which tab is open.
 *
 * @param state           the latest resync's state ({@code syncing}, {@code completed}, ...), null when it never synced
 * @param resyncRequested when a resync of a remote integration was asked for that it has not started yet; null when none
 * @param tab             {@code status}, {@code history}, {@code mapping}, {@code events}, {@code audit} or {@code settings}
 */
public record IntegrationHeader(String identifier, String title, String type, boolean remote, String state, String lastSync,
                                String resyncRequested, String tab) {

    static IntegrationHeader of(UiServices services, String identifier, String tab) {
        Installation installation = services.integrations().get(identifier);
        JsonNode latest = services.feed().current(identifier);
        return new IntegrationHeader(installation.identifier(), Words.titleOf(installation.title(), installation.identifier()),
                installation.type(), installation.remote(), latest == null ? null : latest.path("state").asText(),
                latest == null ? null : latest.path("startedAt").asText(null),
                services.manualResync().pendingRequest(identifier).map(Object::toString).orElse(null), tab);
    }

    public String path() {
        return "/datasources/" + identifier;
    }

    /** The tabs, in order: path suffix and label. */
    public static final String[][] TABS = {
            {"status", "", "Sync status"}, {"history", "/history", "History"}, {"mapping", "/mapping", "Mapping"},
            {"events", "/events", "Event log"}, {"audit", "/audit", "Audit log"}, {"settings", "/settings", "Settings"}};
}
