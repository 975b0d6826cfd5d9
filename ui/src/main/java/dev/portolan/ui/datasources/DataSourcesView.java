package dev.portolan.ui.datasources;

import java.util.List;

/** The data sources list: what is installed (with its latest resync) and what can be. */
/** @param notice what the last action did (e.g. an uninstall), or null */
public record DataSourcesView(List<Installed> installed, List<Installable> types, String notice) {

    /** @param state null when it never synced */
    public record Installed(String identifier, String title, String type, boolean remote, String state, String lastSync, String duration) {}

    public record Installable(String type, String description) {}
}
