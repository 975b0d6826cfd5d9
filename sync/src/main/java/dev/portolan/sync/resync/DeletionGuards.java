package dev.portolan.sync.resync;

import dev.portolan.sync.report.KindReport;

import java.time.Instant;
import java.util.List;

/**
 * The rules that decide whether reconciliation may delete, each one small and tested on its own.
 * A rule returns why deletion must not happen, or null when it may.
 */
final class DeletionGuards {

    private DeletionGuards() {}

    /** Nothing is deleted when a resource's fetch failed or its mapping could not run: the picture is incomplete. */
    static String everyResourceComplete(List<KindReport> kinds) {
        for (KindReport kind : kinds) {
            if (!kind.complete()) {
                return "resource '" + kind.kindIdentifier() + "' did not complete ("
                        + (kind.fetchFailedCount() > 0 ? "fetch failed: " + kind.fetchError() : "its mapping could not run")
                        + "), so the catalog cannot tell what is gone";
            }
        }
        return null;
    }

    /** Nothing is deleted when more than {@code threshold} of the owned entities would go. */
    static String withinDeletionThreshold(long toDelete, long owned, double threshold) {
        if (owned == 0 || toDelete == 0) return null;
        double share = (double) toDelete / owned;
        if (share > threshold) {
            return String.format(java.util.Locale.ROOT,
                    "%d of %d owned entities (%.0f%%) would be deleted, above entityDeletionThreshold %.2f; "
                            + "if that is intended, raise the threshold for one resync", toDelete, owned, share * 100, threshold);
        }
        return null;
    }

    /** Only what this resync did not produce, and what was last written before it started, is stale. */
    static boolean isStale(boolean produced, Instant updatedAt, Instant resyncStart) {
        return !produced && updatedAt != null && updatedAt.isBefore(resyncStart);
    }
}
