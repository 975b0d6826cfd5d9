package dev.portolan.sync.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Advice derived from a report's counters, in the order a person would check things: can we
 * read the source at all, does the selector keep anything, do the expressions work, does the
 * catalog accept the entities, and did a guard stop deletion. Each tip names the stage it concerns.
 */
public final class TroubleshootingTips {

    private TroubleshootingTips() {}

    /** The tips as lines that name their resource (the report's {@code tips}). */
    public static List<String> of(SyncReport report) {
        return placed(report).stream().map(TroubleshootingTip::text).toList();
    }

    /** The tips, each with the resource and stage it concerns. */
    public static List<TroubleshootingTip> placed(SyncReport report) {
        List<TroubleshootingTip> tips = new ArrayList<>();
        for (KindReport k : report.kinds()) {
            String kind = k.kindIdentifier();
            if (k.fetchFailedCount() > 0) {
                tips.add(new TroubleshootingTip(kind, "fetch", "fetching failed (" + k.fetchError() + "). Check the integration's credentials, "
                        + "permissions and URLs; nothing was deleted in this resync."));
            } else if (k.fetchedCount() == 0 && report.state() != SyncState.SYNCING) {
                tips.add(new TroubleshootingTip(kind, "fetch", "nothing was fetched. Check that the credentials can see the objects "
                        + "(permissions, organisation, filters in the selector)."));
            } else if (k.fetchedCount() > 0 && k.filteredOutCount() == k.fetchedCount()) {
                tips.add(new TroubleshootingTip(kind, "map", "every fetched object was filtered out. Check selector.query."));
            }
            if (k.mapFailedCount() > 0 && !k.mapErrors().isEmpty()) {
                tips.add(new TroubleshootingTip(kind, "map", k.mapFailedCount() + " object(s) could not be mapped; first: " + k.mapErrors().getFirst()
                        + ". Test the mapping on a sample object (portolan mapping test)."));
            }
            if (k.ingestFailedCount() > 0 && !k.ingestErrors().isEmpty()) {
                tips.add(new TroubleshootingTip(kind, "ingest", k.ingestFailedCount() + " entit(y/ies) were refused by the catalog; first: "
                        + k.ingestErrors().getFirst() + ". Compare the mapping with the blueprint's rules."));
            }
        }
        String skipped = report.reconciliation().deletionSkippedReason();
        if (skipped != null) tips.add(new TroubleshootingTip(null, "reconciliation", "Deletion of stale entities was skipped: " + skipped));
        if (report.reconciliation().reingestFailedCount() > 0) {
            tips.add(new TroubleshootingTip(null, "reconciliation", report.reconciliation().reingestFailedCount()
                    + " entit(y/ies) still point at related entities that do not exist. "
                    + "Map the related kind too, or set createMissingRelatedEntities: true."));
        }
        return tips;
    }
}
