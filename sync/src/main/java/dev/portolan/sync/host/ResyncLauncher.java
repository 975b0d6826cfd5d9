package dev.portolan.sync.host;

import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.integration.SyncRecord;
import dev.portolan.catalog.CatalogException;
import dev.portolan.sync.client.CatalogClient;
import dev.portolan.sync.jq.JqEngine;
import dev.portolan.sync.mapping.Mapping;
import dev.portolan.sync.metrics.SyncMetrics;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import dev.portolan.sync.resync.ResyncContext;
import dev.portolan.sync.resync.ResyncRunner;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.spi.Integration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Starts resyncs on background threads, one at a time per installation: a new resync of an
 * installation aborts the running one and starts once it has stopped (so two reconciliations
 * never overlap). The running report is saved after every resource, so the Sync Status shows
 * progress; the finished one replaces it. Thread-safe.
 */
public final class ResyncLauncher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResyncLauncher.class);

    /** How resyncs run: entities per upsert and the limit of one jq evaluation. */
    public record Tuning(int batchSize, Duration jqTimeout) {
        public static final Tuning DEFAULT = new Tuning(1000, Duration.ofSeconds(2));
    }

    private record Running(SyncReport report, AtomicBoolean cancelled, CompletableFuture<SyncReport> done) {}

    /** A resync that was started: its id at once, its finished report later. */
    public record Started(String resyncId, CompletableFuture<SyncReport> done) {}

    private final InstallationRepository repository;
    private final IntegrationRegistry registry;
    private final Function<String, CatalogClient> clients;
    private final JqEngine jq;
    private final SyncMetrics metrics;
    private final Clock clock;
    private final Tuning tuning;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "portolan-resync");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    public ResyncLauncher(InstallationRepository repository, IntegrationRegistry registry, Function<String, CatalogClient> clients,
                          JqEngine jq, SyncMetrics metrics, Clock clock, Tuning tuning) {
        this.repository = repository;
        this.registry = registry;
        this.clients = clients;
        this.jq = jq;
        this.metrics = metrics;
        this.clock = clock;
        this.tuning = tuning;
    }

    /**
     * Starts a resync of an installation, aborting the one running.
     *
     * @param trigger {@code install}, {@code schedule}, {@code manual}, ...
     * @return the new resync's id and a future of its finished report
     */
    public synchronized Started start(String installation, String trigger) {
        Installation stored = repository.find(installation)
                .orElseThrow(() -> CatalogException.notFound("Integration", installation));
        if (stored.remote()) {
            throw CatalogException.conflict("remote_integration", "Integration '" + installation
                    + "' runs in a process of its own; it resyncs there");
        }
        Integration integration = registry.get(stored.type());
        Settings settings = integration.settings().parse(stored.settings());
        Mapping mapping = IntegrationManager.mappingParser(integration, settings).parse(stored.config());
        SyncReport report = new SyncReport(UUID.randomUUID().toString(), installation, trigger, clock.instant());
        AtomicBoolean cancelled = new AtomicBoolean();
        Running previous = running.get(installation);
        CompletableFuture<SyncReport> done = new CompletableFuture<>();
        Running current = new Running(report, cancelled, done);
        running.put(installation, current);
        if (previous != null) previous.cancelled().set(true);
        ResyncContext context = new ResyncContext(installation, integration, settings, mapping, clients.apply(installation),
                jq, clock, tuning.jqTimeout(), tuning.batchSize(), cancelled::get);
        executor.submit(() -> {
            if (previous != null) previous.done().join(); // let the aborted one finish its report first
            run(context, current);
        });
        return new Started(report.resyncId(), done);
    }

    private void run(ResyncContext context, Running current) {
        SyncReport report = current.report();
        RecordedSyncEvents events = new RecordedSyncEvents(repository, context.installation(), report.resyncId(), clock);
        try {
            if (current.cancelled().get()) {
                report.finish(SyncState.ABORTED, clock.instant(), "a newer resync started before this one could");
            } else {
                save(report);
                new ResyncRunner(context, events, (r, kind) -> {
                    events.flush();
                    save(r);
                }).run(report);
            }
        } catch (RuntimeException e) {
            LOG.error("Resync {} of {} failed unexpectedly", report.resyncId(), context.installation(), e);
            report.finish(SyncState.FAILED, clock.instant(), e.toString());
        } finally {
            events.flush();
            save(report);
            running.remove(context.installation(), current);
            current.done().complete(report);
        }
    }

    private void save(SyncReport report) {
        metrics.publish(report);
        repository.saveReport(new SyncRecord(report.integration(), report.resyncId(), report.state().wire(),
                report.startedAt(), report.finishedAt(), report.toJson()));
    }

    /** The running resync's report, if one runs. */
    public Optional<SyncReport> running(String installation) {
        Running r = running.get(installation);
        return r == null ? Optional.empty() : Optional.of(r.report());
    }

    /** Aborts a running resync (uninstall, shutdown); returns once it has stopped. */
    public void abort(String installation) {
        Running r = running.get(installation);
        if (r != null) {
            r.cancelled().set(true);
            r.done().join();
        }
    }

    @Override
    public void close() {
        running.values().forEach(r -> r.cancelled().set(true));
        running.values().forEach(r -> r.done().join());
        executor.shutdownNow();
    }
}
