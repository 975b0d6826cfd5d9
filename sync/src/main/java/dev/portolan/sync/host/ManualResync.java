package dev.portolan.sync.host;

import dev.portolan.catalog.integration.RemoteState;
import dev.portolan.catalog.integration.SyncRecord;

import java.time.Instant;
import java.util.Optional;

/**
 * A resync asked for by hand, through {@code POST /v1/integration/{id}/resync} or the UI's Resync
 * button: one rule for both. An integration hosted here starts one now; one that runs elsewhere
 * (Ocean) cannot be started from here, so the request is recorded for it to pick up, as Port does:
 * its {@code updatedAt} moves, which a polling Ocean takes as its signal, and
 * {@code GET .../resync-request} answers it. Thread-safe.
 */
public final class ManualResync {

    /** What asking did: a resync started here, or a request recorded for the integration. */
    public sealed interface Outcome permits Started, Requested {}

    public record Started(String resyncId) implements Outcome {}

    public record Requested(Instant requestedAt) implements Outcome {}

    private final IntegrationManager manager;
    private final ResyncLauncher launcher;
    private final RemoteIntegrations remotes;
    private final InstallationRepository repository;

    public ManualResync(IntegrationManager manager, ResyncLauncher launcher, RemoteIntegrations remotes, InstallationRepository repository) {
        this.manager = manager;
        this.launcher = launcher;
        this.remotes = remotes;
        this.repository = repository;
    }

    /** @throws dev.portolan.catalog.CatalogException 404 when there is no such integration */
    public Outcome ask(String identifier) {
        if (manager.get(identifier).remote()) return new Requested(remotes.requestResync(identifier).resyncRequestedAt());
        return new Started(launcher.start(identifier, "manual").resyncId());
    }

    /**
     * When a resync of a remote integration was asked for that it has not visibly started: it
     * reported no resync state since (Ocean reports one as each resync starts), and no resync
     * recorded here started after it ({@code portolan integration run} sends reports instead).
     * Empty otherwise, and always for a hosted integration.
     */
    public Optional<Instant> pendingRequest(String identifier) {
        Optional<Instant> requested = remotes.state(identifier).filter(RemoteState::resyncRequestPending).map(RemoteState::resyncRequestedAt);
        Instant latestStart = repository.reports(identifier, 1).stream().findFirst().map(SyncRecord::startedAt).orElse(null);
        return requested.filter(at -> latestStart == null || latestStart.isBefore(at));
    }
}
