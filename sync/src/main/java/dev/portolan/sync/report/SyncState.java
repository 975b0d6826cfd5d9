package dev.portolan.sync.report;

import java.util.Locale;

/** Where a resync is: running, or how it ended. */
public enum SyncState {
    SYNCING, COMPLETED, FAILED, ABORTED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
