package dev.portolan.sync.host;

import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.integration.SyncRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts a resync of every installation whose {@code scheduledResyncInterval} has passed since
 * its last start (here, or in any replica: the stored reports say when), where no resync runs:
 * among replicas, the one that takes the installation's lease starts it. First, and at every
 * check, resyncs left {@code syncing} by a process that died are marked aborted, and those of
 * installations with a schedule start again. Checks once a minute; {@link #tick()} is the check
 * itself, so tests drive it with a fixed clock instead of waiting.
 */
public final class ResyncScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResyncScheduler.class);

    private final InstallationRepository repository;
    private final ResyncLauncher launcher;
    private final Clock clock;
    private final ResyncRecovery recovery;
    private final Map<String, Instant> lastStart = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    public ResyncScheduler(InstallationRepository repository, ResyncLauncher launcher, Clock clock) {
        this.repository = repository;
        this.launcher = launcher;
        this.clock = clock;
        this.recovery = new ResyncRecovery(repository, launcher, clock);
    }

    /** Recovers at once, then checks every minute. */
    public synchronized void start() {
        if (timer != null) return;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "portolan-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        timer.schedule(this::recoverSafely, 0, TimeUnit.SECONDS);
        timer.scheduleAtFixedRate(this::tickSafely, 1, 1, TimeUnit.MINUTES);
    }

    /**
     * Marks aborted the resyncs that a dead process left {@code syncing}, and starts a new resync
     * of each such installation that has a schedule. Returns the installations recovered.
     */
    public List<String> recover() {
        List<String> recovered = new ArrayList<>();
        for (Installation installation : recovery.abortInterrupted()) {
            recovered.add(installation.identifier());
            if (installation.scheduledResyncInterval() <= 0) continue;
            try {
                launcher.start(installation.identifier(), "recovery");
                lastStart.put(installation.identifier(), clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("Resync of {} could not start after recovery; its schedule will try again", installation.identifier(), e);
            }
        }
        return recovered;
    }

    /** Recovers, then starts the resyncs that are due; returns how many it started. */
    public int tick() {
        recover();
        Instant now = clock.instant();
        int started = 0;
        for (Installation installation : repository.list()) {
            if (installation.scheduledResyncInterval() <= 0 || installation.remote() || !due(installation, now)) continue;
            try {
                // The lease decides among replicas; once it is held, due() again sees every start made before.
                if (launcher.startIfFree(installation.identifier(), "schedule", () -> due(installation, now)).isPresent()) started++;
            } catch (RuntimeException e) {
                // One installation that cannot start (its mapping no longer parses, its type is gone) must not stop the others.
                LOG.warn("Scheduled resync of {} could not start; will try again at its next interval", installation.identifier(), e);
            } finally {
                lastStart.put(installation.identifier(), now); // started here, running elsewhere, or failing: next interval
            }
        }
        return started;
    }

    /** Whether the interval has passed since the installation was saved and since its latest resync started, here or elsewhere. */
    private boolean due(Installation installation, Instant now) {
        Instant last = installation.updatedAt();
        Instant here = lastStart.get(installation.identifier());
        if (here != null && here.isAfter(last)) last = here;
        for (SyncRecord latest : repository.reports(installation.identifier(), 1)) {
            if (latest.startedAt().isAfter(last)) last = latest.startedAt();
        }
        Instant next = last.plus(Duration.ofMinutes(installation.scheduledResyncInterval()));
        return !now.isBefore(next);
    }

    private void recoverSafely() {
        try {
            recover();
        } catch (RuntimeException e) {
            LOG.warn("Recovering interrupted resyncs failed; will try again at the next check", e);
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("Scheduled resync check failed; will try again in a minute", e);
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) timer.shutdownNow();
    }
}
