package dev.portolan.sync.resync;

import dev.portolan.catalog.integration.SyncSample;
import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.report.SyncReport;

import java.util.List;

/** Hooks called on the resync's thread as it moves on, e.g. to save and publish the running report. */
public interface ResyncProgress {

    /** After each resource's fetch, map and ingest. */
    void onResourceFinished(SyncReport report, KindReport kind);

    /** After each resource, before {@link #onResourceFinished}: the first raw objects it fetched ({@link ResourceSamples}). */
    default void onSamplesKept(SyncReport report, List<SyncSample> samples) { }

    ResyncProgress NONE = (report, kind) -> { };
}
