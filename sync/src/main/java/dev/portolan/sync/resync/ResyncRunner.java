package dev.portolan.sync.resync;

import dev.portolan.catalog.integration.ResyncOrigin;
import dev.portolan.sync.mapping.ResourceMapping;
import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;

import java.util.List;

/**
 * Runs one resync, as DESIGN's "A resync, step by step" states it: for each resource in mapping
 * order fetch, map and ingest; then reconcile (retry, then delete what is stale, guards
 * permitting); then finish the report. Progress is visible in the report while it runs.
 */
public final class ResyncRunner {

    private final ResyncContext context;
    private final SyncEvents events;
    private final ResyncProgress progress;

    public ResyncRunner(ResyncContext context, SyncEvents events, ResyncProgress progress) {
        this.context = context;
        this.events = events;
        this.progress = progress;
    }

    /** Runs to the end and returns the finished report (completed, failed or aborted); never throws for a sync problem. */
    public SyncReport run(SyncReport report) {
        events.info(null, "resync " + report.resyncId() + " started (" + context.mapping().resources().size() + " resources)");
        ProducedKeys produced = new ProducedKeys();
        RetryQueue retries = new RetryQueue();
        try {
            List<ResourceMapping> resources = context.mapping().resources();
            for (int i = 0; i < resources.size(); i++) {
                KindReport kind = report.addKind(resources.get(i).kind());
                long start = System.nanoTime();
                ResourceSamples samples = new ResourceSamples(context.installation(), report.resyncId(), i, kind.kind());
                runResource(i, resources.get(i), kind, produced, retries, ResyncOrigin.resource(report.resyncId(), kind.kind(), i), samples);
                kind.finished((System.nanoTime() - start) / 1_000_000);
                events.info(kind.kindIdentifier(), summary(kind));
                progress.onSamplesKept(report, samples.samples());
                progress.onResourceFinished(report, kind);
            }
            long start = System.nanoTime();
            new Reconciler(context, events).reconcile(report, produced, retries);
            report.reconciliation().finished((System.nanoTime() - start) / 1_000_000);
            String failure = report.kinds().stream().filter(k -> !k.complete()).findFirst()
                    .map(k -> "resource '" + k.kindIdentifier() + "' did not complete: " + k.incompleteReason()).orElse(null);
            report.finish(failure != null ? SyncState.FAILED : SyncState.COMPLETED, context.clock().instant(), failure);
        } catch (ResyncAbortedException e) {
            report.finish(SyncState.ABORTED, context.clock().instant(), e.getMessage());
        } catch (RuntimeException | Error e) {
            events.error(null, "resync failed: " + e);
            report.finish(SyncState.FAILED, context.clock().instant(), e.toString());
        }
        events.info(null, "resync " + report.resyncId() + " " + report.state().wire());
        return report;
    }

    /**
     * One resource, surviving anything its mapping or fetcher does, an {@link Error} included
     * (a runaway expression that exhausts the heap or the stack): the resource fails with the
     * reason, is incomplete (so nothing is deleted), and the resync goes on to the next one and
     * ends {@code failed}. Only an abort stops the resync here.
     */
    private void runResource(int index, ResourceMapping resource, KindReport kind, ProducedKeys produced, RetryQueue retries,
                             ResyncOrigin origin, ResourceSamples samples) {
        String path = "resources[" + index + "]";
        try {
            new ResourceSync(context, path, resource, kind, events, origin, samples).run(produced, retries);
        } catch (ResyncAbortedException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            kind.mappingBroken(path + ": the resource stopped: " + e);
            events.error(kind.kindIdentifier(), "the resource stopped: " + e);
        }
    }

    private static String summary(KindReport k) {
        return "fetched " + k.fetchedCount() + (k.fetchFailedCount() > 0 ? " (fetch failed)" : "")
                + ", transformed " + k.transformedCount() + ", filtered out " + k.filteredOutCount() + ", map failed " + k.mapFailedCount()
                + ", ingested " + k.ingestedCount() + ", not changed " + k.notChangedCount() + ", ingest failed " + k.ingestFailedCount();
    }
}
