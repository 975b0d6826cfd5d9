package dev.portolan.server.integrations;

import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.sync.client.InProcessCatalogClient;
import dev.portolan.sync.host.InstallationRepository;
import dev.portolan.sync.host.IntegrationManager;
import dev.portolan.sync.host.IntegrationRegistry;
import dev.portolan.sync.host.LiveEvents;
import dev.portolan.sync.host.MappingTester;
import dev.portolan.sync.host.ProvenanceLookup;
import dev.portolan.sync.host.SyncStatusFeed;
import dev.portolan.sync.host.ResyncLauncher;
import dev.portolan.sync.host.ResyncScheduler;
import dev.portolan.sync.host.StoreInstallationRepository;
import dev.portolan.sync.host.StoreResyncLeases;
import dev.portolan.sync.jq.JqEngine;
import dev.portolan.sync.jq.PortolanJqEngine;
import dev.portolan.sync.metrics.SyncMetrics;
import dev.portolan.sync.host.RemoteExamples;
import dev.portolan.sync.host.RemoteIntegrations;
import dev.portolan.sync.host.ManualResync;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;

/**
 * Integrations hosted in the server: the installations in its database, resyncs writing through
 * the in-process catalog client, the scheduler, and the sync metrics. Wired in plain code.
 */
public final class IntegrationHost implements AutoCloseable {

    private final InstallationRepository repository;
    private final ResyncLauncher launcher;
    private final IntegrationManager manager;
    private final ResyncScheduler scheduler;
    private final LiveEvents liveEvents;
    private final RemoteIntegrations remotes;
    private final RemoteExamples examples;
    private final ManualResync manualResync;
    private final JqEngine jq = PortolanJqEngine.INSTANCE;
    private final IntegrationRegistry registry;
    private final SyncStatusFeed feed;
    private final MappingTester tester;
    private final ProvenanceLookup provenance;

    public IntegrationHost(CatalogStore store, CatalogService catalog, IntegrationRegistry registry, MeterRegistry meters,
                           Clock clock, ResyncLauncher.Tuning tuning) {
        this.registry = registry;
        this.repository = new StoreInstallationRepository(store);
        SyncMetrics metrics = new SyncMetrics(meters); // one per registry: hosted, live and remote resyncs publish the same series
        this.launcher = new ResyncLauncher(repository, registry, id -> new InProcessCatalogClient(catalog, id), jq,
                metrics, clock, tuning, new StoreResyncLeases(store));
        this.liveEvents = new LiveEvents(repository, registry, id -> new InProcessCatalogClient(catalog, id), jq, metrics, clock, tuning);
        this.manager = new IntegrationManager(repository, registry, id -> new InProcessCatalogClient(catalog, id), launcher, clock);
        this.remotes = new RemoteIntegrations(store, repository, manager, metrics, clock);
        this.examples = new RemoteExamples(manager, remotes, repository, jq);
        this.manualResync = new ManualResync(manager, launcher, remotes, repository);
        this.scheduler = new ResyncScheduler(repository, launcher, clock);
        this.feed = new SyncStatusFeed(launcher, repository);
        this.tester = new MappingTester(manager, catalog, jq);
        this.provenance = new ProvenanceLookup(catalog, repository);
    }

    public void start() {
        scheduler.start();
    }

    public InstallationRepository repository() {
        return repository;
    }

    /** The integration types this server can install. */
    public IntegrationRegistry registry() {
        return registry;
    }

    public ResyncLauncher launcher() {
        return launcher;
    }

    public IntegrationManager manager() {
        return manager;
    }

    /** Live events (webhook deliveries) applied between resyncs. */
    public LiveEvents liveEvents() {
        return liveEvents;
    }

    /** Integrations that run elsewhere (Ocean) and report here. */
    public RemoteIntegrations remotes() {
        return remotes;
    }

    /** Raw-data examples remote integrations post, kept as samples. */
    public RemoteExamples examples() {
        return examples;
    }

    /** Resyncs asked for by hand (API and UI): started here, or requested from a remote integration. */
    public ManualResync manualResync() {
        return manualResync;
    }

    public ResyncScheduler scheduler() {
        return scheduler;
    }

    public JqEngine jq() {
        return jq;
    }

    /** Sync Status snapshots, live while a resync runs. */
    public SyncStatusFeed feed() {
        return feed;
    }

    public MappingTester tester() {
        return tester;
    }

    public ProvenanceLookup provenance() {
        return provenance;
    }

    @Override
    public void close() {
        scheduler.close();
        launcher.close();
    }
}
