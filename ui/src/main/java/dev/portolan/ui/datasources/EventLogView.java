package dev.portolan.ui.datasources;

import dev.portolan.catalog.integration.SyncEvent;

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
        return Urls.to(header.path() + "/events").param("level", Urls.changed(name, "level", value, level))
                .param("kind", Urls.changed(name, "kind", value, kind)).param("resync", Urls.changed(name, "resync", value, resync))
                .param("before", Urls.changed(name, "before", value, null)).toString();
    }
}
