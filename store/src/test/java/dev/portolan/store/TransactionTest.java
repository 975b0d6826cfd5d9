package dev.portolan.store;

import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.entity.EntityWrite;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.catalog.store.CatalogTransaction;
import dev.portolan.catalog.store.RelationTargets;
import dev.portolan.store.testing.StoreTest;
import dev.portolan.store.testing.TestDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.portolan.store.Fixtures.blueprint;
import static dev.portolan.store.Fixtures.entity;
import static dev.portolan.store.StoreReads.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionTest {

    @StoreTest
    void anExceptionRollsBackEverythingTheUnitOfWorkWrote(CatalogStore store) {
        Fixtures.insertBlueprints(store, blueprint("service"));

        assertThatThrownBy(() -> store.write(tx -> {
            tx.insertBlueprint(blueprint("domain"));
            tx.insertEntities(Fixtures.writes(entity("service", "api", "{}")), RelationTargets.of(List.of()));
            tx.appendAudit(List.of(AuditTestRecords.record("api", "service", Fixtures.T0)));
            tx.putSettingIfAbsent("k", "v");
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");

        assertThat(StoreReads.blueprints(store)).hasSize(1);
        assertThat(StoreReads.count(store, "service")).isZero();
        assertThat(StoreReads.audit(store, AuditTestRecords.all())).isEmpty();
        assertThat(setting(store, "k")).isEmpty();
    }

    @StoreTest
    void aFailingStatementRollsBackTheEarlierOnes(CatalogStore store) {
        Fixtures.insertBlueprints(store, blueprint("service"));

        assertThatThrownBy(() -> store.write(tx -> {
            tx.insertEntities(Fixtures.writes(entity("service", "a", "{}")), RelationTargets.of(List.of()));
            tx.insertEntities(Fixtures.writes(entity("service", "a", "{}")), RelationTargets.of(List.of()));
            return null;
        })).isInstanceOf(StoreException.class);

        assertThat(StoreReads.count(store, "service")).isZero();
    }

    @StoreTest
    void readTransactionsRefuseWrites(CatalogStore store) {
        assertThatThrownBy(() -> store.read(tx -> {
            tx.insertBlueprint(blueprint("x"));
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
        assertThat(StoreReads.blueprints(store)).isEmpty();
    }

    @StoreTest
    void aTransactionCannotBeUsedAfterItsUnitOfWork(CatalogStore store) {
        CatalogTransaction leaked = store.read(tx -> tx);
        assertThatThrownBy(leaked::listBlueprints).isInstanceOf(IllegalStateException.class).hasMessageContaining("ended");
    }

    @StoreTest
    void nestedWritesAreRefused(CatalogStore store) {
        assertThatThrownBy(() -> store.write(tx -> store.write(inner -> null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nested");
        String result = store.write(tx -> "still usable");
        assertThat(result).isEqualTo("still usable");
    }

    @StoreTest
    void readsSeeCommittedWritesOnly(CatalogStore store) throws Exception {
        Fixtures.insertBlueprints(store, blueprint("service"));
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> write = writer.submit(() -> store.write(tx -> {
                tx.insertEntities(Fixtures.writes(entity("service", "a", "{}")), RelationTargets.of(List.of()));
                written.countDown();
                await(checked);
                return null;
            }));
            await(written);
            assertThat(StoreReads.count(store, "service")).isZero();
            checked.countDown();
            write.get(30, TimeUnit.SECONDS);
            assertThat(StoreReads.count(store, "service")).isEqualTo(1);
        } finally {
            writer.shutdownNow();
        }
    }

    /**
     * Several writers (two stores, as two server processes would) increment a counter on the same
     * entity, which none of them finds at first: the loser of the insert race is retried, every
     * update sees the previous one, and no increment is lost.
     */
    @StoreTest
    void concurrentUpsertsOfTheSameNewEntityLoseNoUpdate(TestDatabase database) throws Exception {
        int threads = 6;
        int increments = 15;
        try (CatalogStore first = database.openStore(); CatalogStore second = database.openStore()) {
            Fixtures.insertBlueprints(first, blueprint("counter"));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                CatalogStore store = t % 2 == 0 ? first : second;
                futures.add(pool.submit(() -> {
                    await(start);
                    for (int i = 0; i < increments; i++) {
                        store.write(TransactionTest::increment);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();

            Entity counter = StoreReads.storedEntity(first, "counter", "c");
            assertThat(counter.properties().path("n").asInt()).isEqualTo(threads * increments);
        }
    }

    @StoreTest
    void concurrentSettingsAgreeOnTheFirstValue(TestDatabase database) throws Exception {
        try (CatalogStore first = database.openStore(); CatalogStore second = database.openStore()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                CatalogStore store = i % 2 == 0 ? first : second;
                String value = "v" + i;
                results.add(pool.submit(() -> putSetting(store, "signing-key", value)));
            }
            List<String> values = new ArrayList<>();
            for (Future<String> result : results) {
                values.add(result.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertThat(values).containsOnly(StoreReads.setting(first, "signing-key").orElseThrow());
        }
    }

    private static Void increment(CatalogTransaction tx) {
        Map<String, Entity> found = tx.findEntities("counter", List.of("c"));
        RelationTargets none = RelationTargets.of(List.of());
        if (found.isEmpty()) {
            tx.insertEntities(List.of(new EntityWrite(entity("counter", "c", "{'n': 1}"), "1")), none);
        } else {
            int n = found.get("c").properties().path("n").asInt() + 1;
            tx.updateEntities(List.of(new EntityWrite(entity("counter", "c", "{'n': " + n + "}"), String.valueOf(n))), none);
        }
        return null;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for the other thread");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
