package dev.portolan.ui.datasources;

import dev.portolan.catalog.integration.SyncEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * The Event log tab.
 *
 * @param kind  the kind filter as the URL has it: a kind identifier, {@code resync} (lines about a whole resync) or null
 * @param next  the {@code before} of the next (older) page, or null on the last page
 */
public record EventLogView(IntegrationHeader header, String level, String kind, String resync, List<String> kinds, List<Line> lines,
                           String next) {

    public record Line(String timestamp, String level, String kind, String resyncId, String message) {

        static Line of(SyncEvent e) {
            return new Line(e.timestamp().toString(), e.level(), e.kind(), e.resyncId(), e.message());
        }

        public String levelClass() {
            return "level-" + level.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The URL of this tab with one parameter changed (null removes it); paging restarts when a filter changes. */
    public String with(String name, String value) {
        List<String[]> params = new ArrayList<>();
        put(params, "level", name.equals("level") ? value : level);
        put(params, "kind", name.equals("kind") ? value : kind);
        put(params, "resync", name.equals("resync") ? value : resync);
        put(params, "before", name.equals("before") ? value : null);
        return Urls.with(header.path() + "/events", params);
    }

    private static void put(List<String[]> params, String name, String value) {
        if (value != null && !value.isEmpty()) params.add(new String[] {name, value});
    }
}
