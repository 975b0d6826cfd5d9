package dev.portolan.sync.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.integration.SyncRecord;
import dev.portolan.sync.report.SyncState;

import java.time.Duration;

/**
 * The Sync Status of an integration as it changes: the running resync's report (live, from memory,
 * so the counters move within a resource) or else the latest saved one. {@link #follow} serves the
 * server-sent events of the API and of the UI. Thread-safe.
 */
public final class SyncStatusFeed {

    /** How often a followed report is looked at; a snapshot is sent only when it changed. */
    public static final Duration INTERVAL = Duration.ofMillis(400);
    /** A follower is let go after this long even if the resync still runs (the page reconnects). */
    public static final Duration LONGEST = Duration.ofMinutes(30);

    private final ResyncLauncher launcher;
    private final InstallationRepository repository;

    public SyncStatusFeed(ResyncLauncher launcher, InstallationRepository repository) {
        this.launcher = launcher;
        this.repository = repository;
    }

    /** The running resync's report, else the latest saved report; null when the integration never synced. */
    public ObjectNode current(String integration) {
        return launcher.running(integration).map(r -> r.toJson())
                .orElseGet(() -> repository.reports(integration, 1).stream().findFirst().map(SyncRecord::report).orElse(null));
    }

    /** What {@link #follow} reports to; each method returns false once its reader has gone (following stops). */
    public interface Listener {

        /** The report at first, then each time it changed. */
        boolean onStatus(ObjectNode report);

        /** Nothing changed for {@link #QUIET}: a chance to keep the connection open. */
        default boolean onQuiet() {
            return true;
        }
    }

    /** After this long without a change, {@link Listener#onQuiet} is called (proxies close idle connections). */
    public static final Duration QUIET = Duration.ofSeconds(15);

    /**
     * Calls the listener with the current report, then with each changed snapshot, until the resync
     * has ended (the last snapshot has its final state), the listener returns false (its reader
     * went away), or {@link #LONGEST} has passed. Blocks the calling thread meanwhile.
     */
    public void follow(String integration, Listener listener) {
        long deadline = System.nanoTime() + LONGEST.toNanos();
        long quietSince = System.nanoTime();
        ObjectNode last = null;
        while (System.nanoTime() < deadline) {
            ObjectNode now = current(integration);
            if (now != null && !now.equals(last)) {
                if (!listener.onStatus(now)) return;
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > QUIET.toNanos()) {
                if (!listener.onQuiet()) return;
                quietSince = System.nanoTime();
            }
            if (now == null || !SyncState.SYNCING.wire().equals(now.path("state").asText())) return;
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
