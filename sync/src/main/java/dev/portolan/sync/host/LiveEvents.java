package dev.portolan.sync.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.client.CatalogClient;
import dev.portolan.sync.jq.JqEngine;
import dev.portolan.sync.mapping.Mapping;
import dev.portolan.sync.mapping.ResourceMapping;
import dev.portolan.sync.metrics.SyncMetrics;
import dev.portolan.sync.resync.LiveEventSync;
import dev.portolan.sync.resync.ResyncContext;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.spi.FetchContext;
import dev.portolan.sync.spi.FetchException;
import dev.portolan.sync.spi.FetchReporter;
import dev.portolan.sync.spi.Integration;
import dev.portolan.sync.spi.LiveChange;
import dev.portolan.sync.spi.WebhookReceiver;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Receives live events (webhook deliveries) for installed integrations and applies them at once
 * through the installation's mapping: authenticate (a delivery that is not authentic changes
 * nothing), drop a delivery already seen (by its delivery id), then for each resource of the
 * mapping ask the integration what the event changes and upsert or delete through that resource's
 * mapping. Recorded in the event log and in metrics ({@code live_event_count}), never in the sync
 * report. Thread-safe; deliveries of one installation are applied one at a time, in arrival order.
 */
public final class LiveEvents {

    /** How many delivery ids are remembered per installation for de-duplication. */
    static final int REMEMBERED_DELIVERIES = 10_000;

    /** What became of one delivery. */
    public enum Status {
        APPLIED, DUPLICATE, IGNORED,
        /** Not authentic (missing or bad signature): nothing was changed; the server answers 401. */
        REJECTED
    }

    public record Result(Status status, long upserted, long deleted, long failed, String message) {}

    private final InstallationRepository repository;
    private final IntegrationRegistry registry;
    private final Function<String, CatalogClient> clients;
    private final JqEngine jq;
    private final SyncMetrics metrics;
    private final Clock clock;
    private final ResyncLauncher.Tuning tuning;
    private final Map<String, Set<String>> seen = new java.util.concurrent.ConcurrentHashMap<>();

    public LiveEvents(InstallationRepository repository, IntegrationRegistry registry, Function<String, CatalogClient> clients,
                      JqEngine jq, SyncMetrics metrics, Clock clock, ResyncLauncher.Tuning tuning) {
        this.repository = repository;
        this.registry = registry;
        this.clients = clients;
        this.jq = jq;
        this.metrics = metrics;
        this.clock = clock;
        this.tuning = tuning;
    }

    /**
     * Applies one delivery.
     *
     * @return {@link Status#REJECTED} for a delivery that is not authentic (nothing changed)
     * @throws CatalogException 404 for an unknown installation, 400 for a body that is not JSON or a type without live events
     */
    public Result receive(String installationId, WebhookReceiver.Headers headers, byte[] body) {
        Installation installation = repository.find(installationId)
                .orElseThrow(() -> CatalogException.notFound("Integration", installationId));
        if (installation.remote()) {
            throw CatalogException.conflict("remote_integration", "Integration '" + installationId + "' runs in a process of its own; send its webhooks there");
        }
        Integration integration = registry.get(installation.type());
        WebhookReceiver receiver = integration.webhooks().orElseThrow(() ->
                CatalogException.malformed("Integration type '" + installation.type() + "' takes no webhooks"));
        Settings settings = integration.settings().parse(installation.settings());
        if (!receiver.authentic(settings, headers, body)) {
            metrics.liveEvent(installationId, "__webhook__", "rejected", 1);
            return new Result(Status.REJECTED, 0, 0, 0,
                    "the delivery's signature is missing or does not match the installation's webhook secret");
        }
        JsonNode payload;
        try {
            payload = Json.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw CatalogException.malformed("The webhook delivery's body is not JSON: " + e.getMessage());
        }
        synchronized (lock(installationId)) {
            return apply(installation, integration, receiver, settings, headers, payload);
        }
    }

    private Result apply(Installation installation, Integration integration, WebhookReceiver receiver, Settings settings,
                         WebhookReceiver.Headers headers, JsonNode payload) {
        String id = installation.identifier();
        String event = receiver.describe(headers, payload);
        RecordedSyncEvents events = new RecordedSyncEvents(repository, id, "live-events", clock);
        String delivery = receiver.deliveryId(headers);
        if (delivery != null && !remember(id, delivery)) {
            metrics.liveEvent(id, "__webhook__", "duplicate", 1);
            events.info(null, "live event " + event + " (delivery " + delivery + ") was already applied; ignored");
            events.flush();
            return new Result(Status.DUPLICATE, 0, 0, 0, "delivery " + delivery + " was already applied");
        }
        Mapping mapping = IntegrationManager.mappingParser(integration, settings).parse(installation.config());
        ResyncContext context = new ResyncContext(id, integration, settings, mapping, clients.apply(id), jq, clock,
                tuning.jqTimeout(), tuning.batchSize(), () -> false);
        LiveEventSync sync = new LiveEventSync(context);
        long upserted = 0, deleted = 0, failed = 0;
        boolean concerned = false;
        List<ResourceMapping> resources = mapping.resources();
        for (int i = 0; i < resources.size(); i++) {
            ResourceMapping resource = resources.get(i);
            String kind = resource.kind() + "-" + i;
            LiveChange change;
            try {
                change = receiver.changes(resource.kind(), new FetchContext(id, settings, resource.selector(), () -> false,
                        mapping.extra(), FetchReporter.NONE), headers, payload);
            } catch (FetchException | RuntimeException e) {
                failed++;
                metrics.liveEvent(id, resource.kind(), "failed", 1);
                events.error(kind, "live event " + event + " could not be read: " + e.getMessage());
                continue;
            }
            if (change.isEmpty()) continue;
            concerned = true;
            LiveEventSync.Outcome outcome;
            try {
                outcome = sync.apply(i, resource, change);
            } catch (RuntimeException e) { // a mapping that cannot run, or the catalog unreachable: this resource only
                failed++;
                metrics.liveEvent(id, resource.kind(), "failed", 1);
                events.error(kind, "live event " + event + " could not be applied: " + e.getMessage());
                continue;
            }
            upserted += outcome.upserted();
            deleted += outcome.deleted();
            failed += outcome.failed();
            metrics.liveEvent(id, resource.kind(), "upserted", outcome.upserted());
            metrics.liveEvent(id, resource.kind(), "deleted", outcome.deleted());
            metrics.liveEvent(id, resource.kind(), "filtered_out", outcome.filteredOut());
            metrics.liveEvent(id, resource.kind(), "failed", outcome.failed());
            events.info(kind, "live event " + event + ": upserted " + outcome.upserted() + ", not changed " + outcome.notChanged()
                    + ", deleted " + outcome.deleted() + ", filtered out " + outcome.filteredOut() + ", failed " + outcome.failed());
            outcome.errors().forEach(error -> events.warn(kind, "live event " + event + ": " + error));
        }
        if (!concerned && failed == 0) events.debug(null, "live event " + event + " concerns no resource of the mapping");
        events.flush();
        return new Result(concerned || failed > 0 ? Status.APPLIED : Status.IGNORED, upserted, deleted, failed, event);
    }

    /** Remembers a delivery id; false when it was already there. Oldest ids are forgotten first. */
    private boolean remember(String installation, String delivery) {
        Set<String> ids = seen.computeIfAbsent(installation, k -> Collections.synchronizedSet(Collections.newSetFromMap(
                new LinkedHashMap<>(16, 0.75f, false) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                        return size() > REMEMBERED_DELIVERIES;
                    }
                })));
        return ids.add(delivery);
    }

    private final Map<String, Object> locks = new java.util.concurrent.ConcurrentHashMap<>();

    private Object lock(String installation) {
        return locks.computeIfAbsent(installation, k -> new Object());
    }
}
