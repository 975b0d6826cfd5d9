package dev.portolan.ui.datasources;

import java.util.ArrayList;
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

    /** One resync in the list, with its changes in numbers. */
    public record SyncRow(String resyncId, String state, String trigger, String startedAt, String duration,
                          long created, long updated, long deleted, long failed) {

        static SyncRow of(SyncStatusView s) {
            return new SyncRow(s.resyncId(), s.state(), s.trigger(), s.startedAt(), s.duration(), s.createdCount(), s.updatedCount(),
                    s.reconciliation().deleted(), s.failedCount());
        }
    }

    /** The URL of this tab with one parameter changed (null removes it); paging restarts when a filter changes. */
    public String with(String name, String value) {
        List<String[]> params = new ArrayList<>();
        add(params, "state", name.equals("state") ? value : filters.state());
        add(params, "resync", name.equals("resync") ? value : filters.resync());
        add(params, "action", name.equals("action") ? value : filters.action());
        add(params, "blueprint", name.equals("blueprint") ? value : filters.blueprint());
        add(params, "before", name.equals("before") ? value : null);
        if (filters.shown() != HistoryTab.SYNCS || name.equals("shown")) {
            add(params, "shown", name.equals("shown") ? value : String.valueOf(filters.shown()));
        }
        return Urls.with(header.path() + "/history", params);
    }

    public String moreSyncs() {
        return with("shown", String.valueOf(filters.shown() + HistoryTab.SYNCS));
    }

    private static void add(List<String[]> params, String name, String value) {
        if (value != null) params.add(new String[] {name, value});
    }
}
