package dev.portolan.sync.resync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.integration.ResyncOrigin;
import dev.portolan.sync.client.DeleteResult;
import dev.portolan.sync.client.IngestOptions;
import dev.portolan.sync.client.IngestResult;
import dev.portolan.sync.client.OwnedEntity;
import dev.portolan.sync.client.OwnedPage;
import dev.portolan.sync.report.ReconciliationReport;
import dev.portolan.sync.report.SyncReport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end of a resync: retry entities that failed for a missing related entity (targets first),
 * then delete the stale entities this integration owns, unless a {@link DeletionGuards} rule says
 * not to. Owned entities are streamed twice (count, then delete) rather than collected, so memory
 * stays flat whatever their number; the second pass is left out when the first found nothing stale,
 * and both when the client can tell that the resync produced every entity its integration owned.
 */
final class Reconciler {

    private static final int PAGE = 1000;

    private final ResyncContext context;
    private final SyncEvents events;

    Reconciler(ResyncContext context, SyncEvents events) {
        this.context = context;
        this.events = events;
    }

    void reconcile(SyncReport report, ProducedKeys produced, RetryQueue retries) {
        ReconciliationReport counters = report.reconciliation();
        retry(retries, counters, ResyncOrigin.reconciliation(report.resyncId()));
        context.checkNotCancelled(); // a resync a newer one replaced deletes nothing, even when it would skip the read
        String stop = DeletionGuards.everyResourceComplete(report.kinds());
        long stale = 0;
        if (stop == null && context.client().producedEveryOwnedEntity(report.resyncId(), context.installation(), produced::containsHash)) {
            return; // the usual resync: it produced everything it owned, so nothing is stale (no read of the owned entities)
        }
        if (stop == null) {
            long[] counts = countStale(report.startedAt(), produced);
            stale = counts[0];
            stop = DeletionGuards.withinDeletionThreshold(counts[0], counts[1], context.mapping().entityDeletionThreshold());
        }
        if (stop != null) {
            counters.deletionSkipped(stop);
            events.warn("__reconciliation__", "deletion skipped: " + stop);
            return;
        }
        // Nothing stale (the usual resync): a second pass over every owned entity would find nothing.
        if (stale > 0) deleteStale(report.startedAt(), produced, counters, ResyncOrigin.reconciliation(report.resyncId()));
    }

    /**
     * Retried entities are written as the reconciliation's (one batch per blueprint, whatever resource
     * produced them: members of a cycle must be written together).
     */
    private void retry(RetryQueue retries, ReconciliationReport counters, ResyncOrigin origin) {
        if (retries.isEmpty()) return;
        events.info("__reconciliation__", "retrying " + retries.size() + " entities that pointed at missing related entities");
        IngestOptions options = new IngestOptions(context.mapping().enableMergeEntity(), false, origin);
        for (List<RetryQueue.Pending> layer : retries.inDependencyOrder()) {
            context.checkNotCancelled();
            Map<String, List<ObjectNode>> byBlueprint = new LinkedHashMap<>();
            layer.forEach(p -> byBlueprint.computeIfAbsent(p.blueprint(), b -> new ArrayList<>()).add(p.entity()));
            byBlueprint.forEach((blueprint, entities) -> {
                for (int from = 0; from < entities.size(); from += context.batchSize()) {
                    List<ObjectNode> batch = entities.subList(from, Math.min(entities.size(), from + context.batchSize()));
                    for (IngestResult result : context.client().upsert(blueprint, batch, options)) {
                        if (result.failed()) {
                            counters.reingestFailed(1);
                            events.warn("__reconciliation__", "retry failed for " + blueprint + "/" + result.identifier() + ": " + result.error());
                        } else {
                            counters.reingested(1);
                        }
                    }
                }
            });
        }
    }

    /** @return {stale, owned} */
    private long[] countStale(Instant start, ProducedKeys produced) {
        long stale = 0;
        long owned = 0;
        String cursor = null;
        do {
            context.checkNotCancelled();
            OwnedPage page = context.client().ownedEntities(context.installation(), cursor, PAGE);
            for (OwnedEntity entity : page.entities()) {
                owned++;
                if (DeletionGuards.isStale(produced.contains(entity.blueprint(), entity.identifier()), entity.updatedAt(), start)) stale++;
            }
            cursor = page.next();
        } while (cursor != null);
        return new long[] {stale, owned};
    }

    /**
     * Stale entities are deleted in batches of up to {@link #PAGE} per blueprint, gathered across pages:
     * a few stale entities on every page (the usual mixed resync) would otherwise cost a write
     * transaction per page of owned entities.
     */
    private void deleteStale(Instant start, ProducedKeys produced, ReconciliationReport counters, ResyncOrigin origin) {
        Map<String, List<String>> stale = new LinkedHashMap<>();
        String cursor = null;
        do {
            context.checkNotCancelled();
            OwnedPage page = context.client().ownedEntities(context.installation(), cursor, PAGE);
            for (OwnedEntity entity : page.entities()) {
                if (DeletionGuards.isStale(produced.contains(entity.blueprint(), entity.identifier()), entity.updatedAt(), start)) {
                    List<String> identifiers = stale.computeIfAbsent(entity.blueprint(), b -> new ArrayList<>());
                    identifiers.add(entity.identifier());
                    if (identifiers.size() == PAGE) delete(entity.blueprint(), stale.remove(entity.blueprint()), counters, origin);
                }
            }
            cursor = page.next();
        } while (cursor != null);
        stale.forEach((blueprint, identifiers) -> delete(blueprint, identifiers, counters, origin));
        if (counters.deletedCount() > 0) events.info("__reconciliation__", "deleted " + counters.deletedCount() + " stale entities");
    }

    private void delete(String blueprint, List<String> identifiers, ReconciliationReport counters, ResyncOrigin origin) {
        context.checkNotCancelled();
        DeleteResult result = context.client().delete(blueprint, identifiers, context.mapping().deleteDependentEntities(), origin);
        counters.deleted(result.deleted());
        counters.deleteFailed(result.errors().size());
        result.errors().forEach(error -> events.warn("__reconciliation__", "could not delete: " + error));
    }
}
