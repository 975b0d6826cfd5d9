package dev.portolan.sync.host;

import dev.portolan.catalog.integration.Installation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts a resync of every installation whose {@code scheduledResyncInterval} has passed since
 * its last scheduled start. Checks once a minute; {@link #tick()} is the check itself, so tests
 * drive it with a fixed clock instead of waiting.
 */
public final class ResyncScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResyncScheduler.class);

    private final InstallationRepository repository;
    private final ResyncLauncher launcher;
    private final Clock clock;
    private final Map<String, Instant> lastStart = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    public ResyncScheduler(InstallationRepository repository, ResyncLauncher launcher, Clock clock) {
        this.repository = repository;
        this.launcher = launcher;
        this.clock = clock;
    }

    public synchronized void start() {
        if (timer != null) return;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "portolan-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::tickSafely, 1, 1, TimeUnit.MINUTES);
    }

    /** Starts the resyncs that are due; returns how many. */
    public int tick() {
        Instant now = clock.instant();
        int started = 0;
        for (Installation installation : repository.list()) {
            int minutes = installation.scheduledResyncInterval();
            if (minutes <= 0 || installation.remote()) continue;
            Instant last = lastStart.getOrDefault(installation.identifier(), installation.updatedAt());
            if (!now.isBefore(last.plus(Duration.ofMinutes(minutes)))) {
                lastStart.put(installation.identifier(), now);
                try {
                    launcher.start(installation.identifier(), "schedule");
                    started++;
                } catch (RuntimeException e) {
                    // One installation that cannot start (its mapping no longer parses, its type is gone) must not stop the others.
                    LOG.warn("Scheduled resync of {} could not start; will try again at its next interval", installation.identifier(), e);
                }
            }
        }
        return started;
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
