package dev.portolan.ui.home;

import java.util.List;

/**
 * The home page: the catalog's blueprints with their entity counts, the integrations with the
 * state of their latest sync, and the one-click install on the server's own repository when there
 * is one that no integration reads yet ({@code quickstart}, else null).
 */
public record HomeView(List<BlueprintCount> blueprints, List<IntegrationState> integrations, QuickstartOffer quickstart) {

    /** @param directory the Git repository the server was started from */
    public record QuickstartOffer(String directory) {}

    public record BlueprintCount(String identifier, String title, String icon, String description, long entities) {}

    /**
     * @param state    {@code completed}, {@code failed}, {@code syncing}, {@code aborted}, or null before the first sync
     * @param when     when the latest sync started (ISO-8601), or null
     * @param duration how long it took, in words ("3.2 s"), or null while it runs
     */
    public record IntegrationState(String identifier, String title, String type, String state, String when,
                                   String duration) {}

    public boolean isEmpty() {
        return blueprints.isEmpty() && integrations.isEmpty();
    }

    public long totalEntities() {
        return blueprints.stream().mapToLong(BlueprintCount::entities).sum();
    }
}
