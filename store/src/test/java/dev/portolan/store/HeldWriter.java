package dev.portolan.store;

import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.catalog.store.CatalogTransaction;
import dev.portolan.store.testing.TestDatabase;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import static dev.portolan.store.StoreReads.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The race of a delete with a concurrent writer on PostgreSQL: the writer's work runs and its
 * transaction stays open; the delete starts and is seen waiting for a lock; then the writer commits.
 */
final class HeldWriter {

    private HeldWriter() {}

    /** @return what the delete returned */
    static <T> T deleteWhileAWriterHoldsItsTransaction(CatalogStore store, TestDatabase database,
                                                       Consumer<CatalogTransaction> writer,
                                                       Function<CatalogTransaction, T> delete) throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Threads of their own: the common pool may have a single thread, which the writer would hold.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> store.write(tx -> {
                writer.accept(tx);
                written.countDown();
                await(release);
                return null;
            }), threads);
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<T> deleting = CompletableFuture.supplyAsync(() -> store.write(delete::apply), threads);
            waitUntilABackendWaitsForALock(database);
            release.countDown();
            writing.get(30, TimeUnit.SECONDS);
            return deleting.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdown();
        }
    }

    /** The delete is blocked on the writer's lock: the race is under way. */
    private static void waitUntilABackendWaitsForALock(TestDatabase database) throws Exception {
        for (int i = 0; i < 3000; i++) {
            if (!strings(database, "SELECT pid::text FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    + "AND datname = current_database()").isEmpty()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the delete never waited for the writer");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new AssertionError("never released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
