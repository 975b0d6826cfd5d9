package dev.portolan.ui.datasources;

import java.util.List;

/**
 * The History tab.
 *
 * @param more   older resyncs exist beyond the shown ones
 * @param opened the opened resync, or null
 * @param next   the {@code before} of the next page of changes, or null on the last page
 */
public record HistoryView(IntegrationHeader header, Filters filters, List<SyncRow> syncs, boolean more, SyncStatusView opened,
                          List<ChangeRow> changes, String next, List<String> blueprints) {

    /** Everything the URL holds. */
    public record Filters(String state, String resync, String action, String blueprint, String before, int shown) {}

    /** One resync in the list, with its changes in numbers ({@code counted} false: the integration reported none). */
    public record SyncRow(String resyncId, String state, String trigger, String startedAt, String duration,
                          long created, long updated, long deleted, long failed, boolean counted) {

        static SyncRow of(SyncStatusView s) {
            return new SyncRow(s.resyncId(), s.state(), s.trigger(), s.startedAt(), s.duration(), s.createdCount(), s.updatedCount(),
                    s.reconciliation().deleted(), s.failedCount(), s.countersReported());
        }
    }

    /** The URL of this tab with one parameter changed (null removes it); paging restarts when a filter changes. */
    public String with(String name, String value) {
        String shown = filters.shown() == HistoryTab.SYNCS ? null : String.valueOf(filters.shown());
        return Urls.to(header.path() + "/history").param("state", Urls.changed(name, "state", value, filters.state()))
                .param("resync", Urls.changed(name, "resync", value, filters.resync()))
                .param("action", Urls.changed(name, "action", value, filters.action()))
                .param("blueprint", Urls.changed(name, "blueprint", value, filters.blueprint()))
                .param("before", Urls.changed(name, "before", value, null))
                .param("shown", Urls.changed(name, "shown", value, shown)).toString();
    }

    public String moreSyncs() {
        return with("shown", String.valueOf(filters.shown() + HistoryTab.SYNCS));
    }
}
