package dev.portolan.sync.resync;

import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.report.SyncReport;

/** Hooks called on the resync's thread as it moves on, e.g. to save and publish the running report. */
public interface ResyncProgress {

    /** After each resource's fetch, map and ingest. */
    void onResourceFinished(SyncReport report, KindReport kind);

    ResyncProgress NONE = (report, kind) -> { };
}
