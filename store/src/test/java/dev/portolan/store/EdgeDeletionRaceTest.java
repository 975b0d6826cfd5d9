package dev.portolan.store;

import dev.portolan.catalog.entity.EntityKey;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.catalog.store.RelationTargets;
import dev.portolan.store.testing.StoreTest;
import dev.portolan.store.testing.TestDatabase;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.portolan.store.Fixtures.entity;
import static dev.portolan.store.StoreReads.edgesTo;
import static dev.portolan.store.StoreReads.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On PostgreSQL no foreign key deletes an entity's edges with it: the store does, in the deleting
 * transaction. A delete that waits for a writer of the same entity still removes the edges that writer
 * committed meanwhile: no edge outlives its entity.
 */
class EdgeDeletionRaceTest {

    @StoreTest
    void aDeleteThatWaitsForAWriterOfTheEntityRemovesTheEdgesTheWriterCommitted(TestDatabase database) throws Exception {
        assumeTrue(database.dialect().equals("postgresql"), "SQLite has one writer at a time, and keeps the key's cascade");
        try (CatalogStore store = database.openStore()) {
            Fixtures.insertBlueprints(store, Fixtures.teamsAndServices());
            Fixtures.insert(store, entity("team", "t1", "{}"), entity("team", "t2", "{}"),
                    entity("service", "pay", "{}", "{'owner': 't1'}"));

            CountDownLatch updated = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            // Threads of their own: the common pool may have a single thread, which the writer would hold.
            ExecutorService threads = Executors.newFixedThreadPool(2);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> store.write(tx -> {
                tx.updateEntities(Fixtures.writes(entity("service", "pay", "{}", "{'owner': 't2'}")),
                        RelationTargets.of(tx.listBlueprints()));
                updated.countDown();
                await(release);
                return null;
            }), threads);
            assertThat(updated.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Integer> deleter = CompletableFuture.supplyAsync(
                    () -> store.write(tx -> tx.deleteEntities("service", List.of("pay"))), threads);
            waitUntilABackendWaitsForALock(database);
            release.countDown();
            writer.get(30, TimeUnit.SECONDS);
            assertThat(deleter.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            threads.shutdown();

            assertThat(edgesTo(store, new EntityKey("team", "t1"), new EntityKey("team", "t2"))).isEmpty();
        }
        assertThat(strings(database, "SELECT source_identifier FROM relation_edges")).isEmpty();
    }

    /** The deleter is blocked on the writer's row lock: the race this test is about is under way. */
    static void waitUntilABackendWaitsForALock(TestDatabase database) throws Exception {
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
