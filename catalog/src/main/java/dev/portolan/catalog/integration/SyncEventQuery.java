package dev.portolan.catalog.integration;

/**
 * Filters of an integration's event log; null means "any". Results are newest first.
 *
 * @param level  {@code DEBUG}, {@code INFO}, {@code WARN} or {@code ERROR}
 * @param kind   a kind identifier ({@code service-0}, {@code __reconciliation__}); {@code ""} for lines about the whole resync
 * @param before paging: only lines older than the line with this {@link SyncEvent#seq()} (the last of the previous page)
 * @param limit  1..1000
 */
public record SyncEventQuery(String integration, String resyncId, String level, String kind, Long before, int limit) {

    public static SyncEventQuery of(String integration, String resyncId, int limit) {
        return new SyncEventQuery(integration, resyncId, null, null, null, limit);
    }
}
