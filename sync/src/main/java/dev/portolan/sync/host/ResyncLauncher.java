package dev.portolan.sync.host;

import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.integration.ResyncLease;
import dev.portolan.catalog.integration.SyncRecord;
import dev.portolan.catalog.integration.SyncSample;
import dev.portolan.catalog.CatalogException;
import dev.portolan.sync.client.CatalogClient;
import dev.portolan.sync.jq.JqEngine;
import dev.portolan.sync.mapping.Mapping;
import dev.portolan.sync.metrics.SyncMetrics;
import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import dev.portolan.sync.resync.ResyncContext;
import dev.portolan.sync.resync.ResyncProgress;
import dev.portolan.sync.resync.ResyncRunner;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.spi.Integration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Starts resyncs on background threads, one at a time per installation: a new resync of an
 * installation aborts the running one and starts once it has stopped (so two reconciliations
 * never overlap). The running report is saved after every resource, so the Sync Status shows
 * progress; the finished one replaces it. Thread-safe.
 *
 * <p>Replicas on one database coordinate through {@link ResyncLeases}: a resync runs only while
 * its process holds the installation's lease, renewed every third of {@link Tuning#leaseTtl()}.
 * A resync started here while another process holds the lease asks that one to abort (it sees
 * the request at its next renewal) and starts once the lease is free or has lapsed. A scheduled
 * resync starts only where the lease can be taken at once ({@link #startIfFree}).
 */
public final class ResyncLauncher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResyncLauncher.class);
    private static final long LEASE_POLL_MILLIS = 100;

    /** How resyncs run: entities per upsert, the limit of one jq evaluation, and how long a lease lasts unless renewed. */
    public record Tuning(int batchSize, Duration jqTimeout, Duration leaseTtl) {
        public static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(30);
        public static final Tuning DEFAULT = new Tuning(1000, Duration.ofSeconds(2), DEFAULT_LEASE_TTL);

        public Tuning(int batchSize, Duration jqTimeout) {
            this(batchSize, jqTimeout, DEFAULT_LEASE_TTL);
        }
    }

    private record Running(SyncReport report, RecordedSyncEvents events, AtomicBoolean cancelled, AtomicBoolean leased,
                           CompletableFuture<SyncReport> done) {
        String resyncId() {
            return report.resyncId();
        }
    }

    private record Prepared(ResyncContext context, Running running) {}

    /** A resync that was started: its id at once, its finished report later. */
    public record Started(String resyncId, CompletableFuture<SyncReport> done) {}

    private final InstallationRepository repository;
    private final IntegrationRegistry registry;
    private final Function<String, CatalogClient> clients;
    private final JqEngine jq;
    private final SyncMetrics metrics;
    private final Clock clock;
    private final Tuning tuning;
    private final ResyncLeases leases;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "portolan-resync");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "portolan-resync-lease");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    public ResyncLauncher(InstallationRepository repository, IntegrationRegistry registry, Function<String, CatalogClient> clients,
                          JqEngine jq, SyncMetrics metrics, Clock clock, Tuning tuning, ResyncLeases leases) {
        this.repository = repository;
        this.registry = registry;
        this.clients = clients;
        this.jq = jq;
        this.metrics = metrics;
        this.clock = clock;
        this.tuning = tuning;
        this.leases = leases;
        long period = Math.max(10, tuning.leaseTtl().toMillis() / 3);
        renewer.scheduleAtFixedRate(this::renewLeases, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts a resync of an installation, aborting the one running, here or in another process.
     *
     * @param trigger {@code install}, {@code schedule}, {@code manual}, ...
     * @return the new resync's id and a future of its finished report
     */
    public synchronized Started start(String installation, String trigger) {
        Prepared prepared = prepare(installation, trigger);
        Running current = prepared.running();
        Running previous = running.put(installation, current);
        if (previous != null) previous.cancelled().set(true);
        executor.submit(() -> {
            if (previous != null) previous.done().join(); // let the aborted one finish its report first
            run(prepared.context(), current);
        });
        return new Started(current.resyncId(), current.done());
    }

    /**
     * Starts a resync only if none runs anywhere: the lease is taken here and now, or nothing
     * starts. {@code stillWanted} is asked once the lease is held (e.g. whether the schedule is
     * still due, now that no other replica can start one).
     */
    public synchronized Optional<Started> startIfFree(String installation, String trigger, BooleanSupplier stillWanted) {
        Running here = running.get(installation);
        if (here != null) {
            if (here.report().state() == SyncState.SYNCING) return Optional.empty();
            here.done().join(); // finished, and about to let go of its lease: a moment
        }
        Prepared prepared = prepare(installation, trigger);
        Running current = prepared.running();
        Instant now = clock.instant();
        if (!leases.take(installation, current.resyncId(), now, now.plus(tuning.leaseTtl()))) return Optional.empty();
        current.leased().set(true);
        if (!stillWanted.getAsBoolean()) {
            leases.release(installation, current.resyncId());
            return Optional.empty();
        }
        running.put(installation, current);
        executor.submit(() -> run(prepared.context(), current));
        return Optional.of(new Started(current.resyncId(), current.done()));
    }

    private Prepared prepare(String installation, String trigger) {
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
        RecordedSyncEvents events = new RecordedSyncEvents(repository, installation, report.resyncId(), clock);
        Running current = new Running(report, events, cancelled, new AtomicBoolean(), new CompletableFuture<>());
        ResyncContext context = new ResyncContext(installation, integration, settings, mapping, clients.apply(installation),
                jq, clock, tuning.jqTimeout(), tuning.batchSize(), cancelled::get);
        return new Prepared(context, current);
    }

    private void run(ResyncContext context, Running current) {
        SyncReport report = current.report();
        RecordedSyncEvents events = current.events();
        try {
            if (!current.leased().get() && !awaitLease(context.installation(), current)) {
                report.finish(SyncState.ABORTED, clock.instant(), "a newer resync started before this one could");
            } else {
                save(report);
                new ResyncRunner(context, events, new ResyncProgress() {
                    @Override
                    public void onResourceFinished(SyncReport r, KindReport kind) {
                        events.flush();
                        save(r);
                    }

                    @Override
                    public void onSamplesKept(SyncReport r, List<SyncSample> samples) {
                        repository.saveSamples(samples);
                    }
                }).run(report);
            }
        } catch (RuntimeException | Error e) {
            LOG.error("Resync {} of {} failed unexpectedly", report.resyncId(), context.installation(), e);
            if (report.state() == SyncState.SYNCING) report.finish(SyncState.FAILED, clock.instant(), e.toString());
        } finally {
            try {
                events.flush();
                save(report);
                if (current.leased().get()) leases.release(context.installation(), report.resyncId());
            } catch (RuntimeException | Error e) {
                LOG.error("Resync {} of {}: its final report could not be saved", report.resyncId(), context.installation(), e);
            } finally {
                // Whatever happened above, the next resync of this installation must be able to start.
                running.remove(context.installation(), current);
                current.done().complete(report);
            }
        }
    }

    /**
     * Waits for the installation's lease, asking its holder (another process) to abort. Returns
     * false when this resync was cancelled meanwhile. Bounded: the holder aborts at its next
     * renewal, or its lease lapses within the lease's time to live.
     */
    private boolean awaitLease(String installation, Running current) {
        boolean asked = false;
        while (!current.cancelled().get()) {
            Instant now = clock.instant();
            if (leases.take(installation, current.resyncId(), now, now.plus(tuning.leaseTtl()))) {
                current.leased().set(true);
                return true;
            }
            if (!asked) {
                current.events().info(null, "resync " + current.resyncId() + " waits for the resync running in another process to stop");
                current.events().flush();
                leases.requestAbort(installation);
                asked = true;
            }
            try {
                Thread.sleep(LEASE_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Renews the lease of every resync running here; one whose lease was lost or asked to abort is cancelled. */
    private void renewLeases() {
        for (var entry : running.entrySet()) {
            Running r = entry.getValue();
            if (!r.leased().get()) continue;
            try {
                Optional<ResyncLease> lease = leases.renew(entry.getKey(), r.resyncId(), clock.instant().plus(tuning.leaseTtl()));
                if ((lease.isEmpty() || lease.get().abortRequested()) && !r.cancelled().getAndSet(true)) {
                    r.events().info(null, "resync " + r.resyncId() + " stops: " + (lease.isEmpty()
                            ? "its lease lapsed and was taken over" : "a newer resync started in another process"));
                    r.events().flush();
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not renew the lease of resync {} of {}; will try again", r.resyncId(), entry.getKey(), e);
            }
        }
    }

    private void save(SyncReport report) {
        metrics.publish(report);
        repository.saveReport(new SyncRecord(report.integration(), report.resyncId(), report.state().wire(),
                report.startedAt(), report.finishedAt(), report.toJson()));
    }

    /** The running resync's report, if one runs in this process. */
    public Optional<SyncReport> running(String installation) {
        Running r = running.get(installation);
        return r == null ? Optional.empty() : Optional.of(r.report());
    }

    /** The leases this launcher coordinates through. */
    ResyncLeases leases() {
        return leases;
    }

    /** Aborts a running resync (uninstall, shutdown): here, and in any other process that runs it; returns once the one here has stopped. */
    public void abort(String installation) {
        Running r = running.get(installation);
        if (r != null) {
            r.cancelled().set(true);
            r.done().join();
        } else {
            leases.requestAbort(installation);
        }
    }

    @Override
    public void close() {
        running.values().forEach(r -> r.cancelled().set(true));
        running.values().forEach(r -> r.done().join());
        renewer.shutdownNow();
        executor.shutdownNow();
    }
}
