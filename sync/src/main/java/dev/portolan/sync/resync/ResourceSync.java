package dev.portolan.sync.resync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.integration.ResyncOrigin;
import dev.portolan.sync.client.IngestOptions;
import dev.portolan.sync.mapper.EntityMapper;
import dev.portolan.sync.mapper.MappedEntity;
import dev.portolan.sync.mapper.MappingProblem;
import dev.portolan.sync.mapper.MappingResult;
import dev.portolan.sync.mapping.ResourceMapping;
import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.spi.FetchContext;
import dev.portolan.sync.spi.FetchException;
import dev.portolan.sync.spi.Fetcher;
import dev.portolan.sync.spi.Page;

/**
 * One resource of a resync: fetch page by page, map each object, ingest in batches (written by
 * the ingester's own thread while the next page is fetched and mapped). Memory holds one page and
 * a few batches at a time, whatever the size of the source.
 */
final class ResourceSync {

    private final ResyncContext context;
    private final String path;
    private final ResourceMapping resource;
    private final KindReport report;
    private final SyncEvents events;
    private final ResyncOrigin origin;
    private final ResourceSamples samples;

    ResourceSync(ResyncContext context, String path, ResourceMapping resource, KindReport report, SyncEvents events,
                 ResyncOrigin origin, ResourceSamples samples) {
        this.context = context;
        this.path = path;
        this.resource = resource;
        this.report = report;
        this.events = events;
        this.origin = origin;
        this.samples = samples;
    }

    void run(ProducedKeys produced, RetryQueue retries) {
        EntityMapper mapper;
        try {
            mapper = new EntityMapper(path, resource, context.jq(), context.jqTimeout());
        } catch (IllegalArgumentException e) {
            report.mappingBroken(path + ": " + e.getMessage());
            events.error(report.kindIdentifier(), "the mapping cannot run: " + e.getMessage());
            return;
        }
        IngestOptions options = new IngestOptions(context.mapping().enableMergeEntity(), context.mapping().createMissingRelatedEntities(), origin);
        try (EntityIngester ingester = new EntityIngester(context.client(), options, context.batchSize(), produced, retries, report)) {
            run(mapper, ingester);
        }
    }

    private void run(EntityMapper mapper, EntityIngester ingester) {
        Fetcher fetcher = context.integration().fetcher(resource.kind(),
                new FetchContext(context.installation(), context.settings(), resource.selector(), context.cancelled(),
                        context.mapping().extra(), new KindFetchReporter(report, events)));
        String cursor = null;
        do {
            context.checkNotCancelled();
            Page page;
            long fetchStart = System.nanoTime();
            try {
                page = fetcher.fetch(cursor);
                report.spent(KindReport.Stage.FETCH, System.nanoTime() - fetchStart);
            } catch (FetchException e) {
                report.fetchFailed(e.getMessage());
                events.error(report.kindIdentifier(), "fetch failed" + (e.retriable() ? " (will be retried next resync)" : "")
                        + ": " + e.getMessage());
                ingester.flushAll();
                logFirstErrors();
                return;
            }
            report.fetched(page.objects().size());
            for (JsonNode object : page.objects()) {
                mapOne(mapper, ingester, object);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        ingester.flushAll();
        // ">=": an object fails once per entity mapping (or once at its selector), so every object failing may count more.
        if (report.fetchedCount() > 0 && report.mapFailedCount() >= report.fetchedCount() && report.transformedCount() == 0) {
            report.mappingBroken("every object failed to map; first: " + report.mapErrors().getFirst());
        }
        logFirstErrors();
    }

    /** The event log keeps the first errors of the map and ingest stages (those the report keeps), so it says why. */
    private void logFirstErrors() {
        report.mapErrors().forEach(error -> events.warn(report.kindIdentifier(), "map failed: " + error));
        report.ingestErrors().forEach(error -> events.warn(report.kindIdentifier(), "ingest failed: " + error));
    }

    private void mapOne(EntityMapper mapper, EntityIngester ingester, JsonNode object) {
        long mapStart = System.nanoTime();
        MappingResult result = mapper.map(object);
        report.spent(KindReport.Stage.MAP, System.nanoTime() - mapStart);
        samples.keep(object, result);
        if (result.filteredOut()) {
            report.filteredOut(1);
            return;
        }
        for (MappingProblem failure : result.failures()) {
            report.mapFailed(failure.toString());
        }
        report.transformed(result.entities().size());
        for (MappedEntity entity : result.entities()) {
            if (!entity.problems().isEmpty()) {
                events.debug(report.kindIdentifier(), entity.blueprint() + "/" + entity.identifier() + ": " + entity.problems().getFirst());
            }
            ingester.accept(entity);
        }
    }
}
