package dev.portolan.sync.testing;

import dev.portolan.catalog.integration.SyncRecord;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.sync.host.StoreInstallationRepository;

import java.util.List;

/**
 * Installations, sync reports and event logs in the test's real store, as the server keeps them,
 * plus {@link #awaitFinishedReports}, so tests of background resyncs wait for an outcome instead
 * of sleeping.
 */
public final class TestInstallationRepository extends StoreInstallationRepository {

    private final Object finished = new Object();

    public TestInstallationRepository(CatalogStore store) {
        super(store);
    }

    @Override
    public void saveReport(SyncRecord sync) {
        super.saveReport(sync);
        if (sync.finishedAt() != null) {
            synchronized (finished) {
                finished.notifyAll();
            }
        }
    }

    /** Waits until {@code count} reports of {@code integration} are finished; returns them, newest first. */
    public List<SyncRecord> awaitFinishedReports(String integration, int count) {
        long deadline = System.nanoTime() + Gate.SAFETY_SECONDS * 1_000_000_000L;
        synchronized (finished) {
            while (true) {
                List<SyncRecord> done = reports(integration, 100).stream().filter(r -> r.finishedAt() != null).toList();
                if (done.size() >= count) return done;
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) throw new AssertionError("only " + done.size() + " of " + count + " resyncs of " + integration + " finished");
                try {
                    finished.wait(Math.min(left, 1000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }
}
