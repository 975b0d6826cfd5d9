package dev.portolan.ui.audit;

import java.util.List;

/**
 * The audit log of the whole catalog, newest first, with the API's filters ({@code blueprint},
 * {@code entity}, {@code action}, {@code status}, {@code resources}, {@code origin}, {@code from},
 * {@code to}) held in the URL.
 */
public record AuditView(Filters filters, List<String> blueprints, List<Line> lines, String olderHref, String newestHref,
                        String error) {

    public record Filters(String blueprint, String entity, String action, String status, String resources, String origin,
                          String from, String to) {

        public boolean any() {
            return blueprint != null || entity != null || action != null || status != null || resources != null
                    || origin != null || from != null || to != null;
        }
    }

    /** @param href the changed entity's or blueprint's page, or null once it is deleted or unknown */
    public record Line(String when, String action, String status, String resourceType, String identifier, String blueprint,
                       String href, String origin, String integration, List<String> changedFields, String message) {}
}
