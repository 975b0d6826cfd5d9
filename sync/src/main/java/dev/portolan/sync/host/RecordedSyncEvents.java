package dev.portolan.sync.host;

import dev.portolan.catalog.integration.SyncEvent;
import dev.portolan.sync.resync.SyncEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The event log of one resync: every line goes to the process log (one line per event, with the
 * integration and kind in the MDC) and, debug lines excepted, to the {@link InstallationRepository}
 * in batches (warnings and errors at once). At most {@link #MAX_STORED} lines are stored per resync, so a resync that fails on
 * every object cannot flood the database; the report's counters still count everything.
 */
final class RecordedSyncEvents implements SyncEvents {

    static final int MAX_STORED = 2000;
    private static final int FLUSH_EVERY = 100;
    private static final Logger LOG = LoggerFactory.getLogger("dev.portolan.sync");

    private final InstallationRepository repository;
    private final String integration;
    private final String resyncId;
    private final Clock clock;
    private final List<SyncEvent> pending = new ArrayList<>();
    private int stored;

    RecordedSyncEvents(InstallationRepository repository, String integration, String resyncId, Clock clock) {
        this.repository = repository;
        this.integration = integration;
        this.resyncId = resyncId;
        this.clock = clock;
    }

    @Override
    public synchronized void log(Level level, String kind, String message) {
        try (var ignored = MDC.putCloseable("integration", integration); var ignored2 = MDC.putCloseable("kind", kind)) {
            switch (level) {
                case DEBUG -> LOG.debug("[{}{}] {}", integration, kind == null ? "" : " " + kind, message);
                case INFO -> LOG.info("[{}{}] {}", integration, kind == null ? "" : " " + kind, message);
                case WARN -> LOG.warn("[{}{}] {}", integration, kind == null ? "" : " " + kind, message);
                case ERROR -> LOG.error("[{}{}] {}", integration, kind == null ? "" : " " + kind, message);
            }
        }
        if (level == Level.DEBUG || stored >= MAX_STORED) return;
        stored++;
        String text = stored == MAX_STORED ? message + " (further lines of this resync are not stored)" : message;
        pending.add(new SyncEvent(integration, resyncId, clock.instant(), level.name(), kind, text));
        // Warnings and errors are few and may be what a person is waiting to read (a rate-limit wait
        // in the middle of a fetch): they are stored at once.
        if (pending.size() >= FLUSH_EVERY || level == Level.WARN || level == Level.ERROR) flush();
    }

    synchronized void flush() {
        if (pending.isEmpty()) return;
        repository.appendEvents(List.copyOf(pending));
        pending.clear();
    }
}
