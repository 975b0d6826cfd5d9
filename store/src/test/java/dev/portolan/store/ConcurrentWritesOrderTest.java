package dev.portolan.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.Actor;
import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.audit.AuditQuery;
import dev.portolan.catalog.audit.AuditRecord;
import dev.portolan.catalog.entity.CalculationEvaluator;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.entity.UpsertOutcome;
import dev.portolan.catalog.entity.WriteOptions;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.StoreTest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent writers to the same entities (a bounded number of writes, in one process): each
 * write's time is taken inside the serialised write, once the rows are locked, so per entity
 * {@code updatedAt} and the audit log's order follow the order of commits: the newest audit
 * record of an entity is what GET returns, and no change carries a time earlier than the one
 * committed before it.
 */
class ConcurrentWritesOrderTest {

    private static final int WRITERS = 6;
    private static final int WRITES_EACH = 40;
    private static final String[] HOT = {"h0", "h1", "h2", "h3"};

    @StoreTest
    void perEntityUpdatedAtAndAuditOrderFollowTheOrderOfCommits(CatalogStore store) throws Exception {
        CatalogService catalog = new CatalogService(store, Clock.systemUTC(), CalculationEvaluator.NONE);
        Actor actor = Actor.credential("writer");
        catalog.blueprints().create(Fixtures.json("{'identifier': 'hot', 'title': 'Hot', 'schema': {'properties': "
                + "{'writer': {'type': 'number'}, 'n': {'type': 'number'}}}}"), actor);

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < WRITES_EACH; i++) {
                        JsonNode body = Fixtures.json("{'identifier': '" + HOT[(writer + i) % HOT.length] + "', 'properties': {'writer': "
                                + writer + ", 'n': " + i + "}}");
                        List<UpsertOutcome> outcome = catalog.entities().upsert("hot", List.of(body), WriteOptions.UPSERT_MERGE, actor);
                        assertThat(outcome.getFirst().error()).isNull();
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) writer.get();
        } finally {
            pool.shutdownNow();
        }

        for (String identifier : HOT) {
            Entity current = catalog.entities().get("hot", identifier);
            List<AuditRecord> audit = catalog.audit(new AuditQuery(null, "hot", identifier, null, null, null, null, null, null, 1000));
            assertThat(audit).as(identifier).hasSizeGreaterThanOrEqualTo(WRITERS * WRITES_EACH / HOT.length - 1);
            AuditRecord newest = audit.getFirst();
            assertThat(newest.timestamp()).as("%s: the newest audit record is the last write", identifier).isEqualTo(current.updatedAt());
            JsonNode after = newest.diff().path("after").path("properties");
            after.properties().forEach(field -> assertThat(field.getValue().asInt())
                    .as("%s: the newest audit record's %s is what GET returns", identifier, field.getKey())
                    .isEqualTo(current.properties().path(field.getKey()).asInt()));
            assertThat(audit).allSatisfy(record -> assertThat(record.timestamp()).isBeforeOrEqualTo(current.updatedAt()));
        }
    }

    /**
     * A clock that, once asked to, stops the calling thread right after it read the time, as if
     * the thread were descheduled there, until {@link #resume} is opened or a bounded wait ends.
     */
    private static final class PausingClock extends Clock {
        private final ThreadLocal<Boolean> pauseNext = ThreadLocal.withInitial(() -> false);
        final CountDownLatch paused = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);

        void pauseNextReadOnThisThread() {
            pauseNext.set(true);
        }

        @Override
        public Instant instant() {
            Instant now = Instant.now();
            if (pauseNext.get()) {
                pauseNext.set(false);
                paused.countDown();
                try {
                    resume.await(2, TimeUnit.SECONDS); // bounded: where the time is read under the lock, the other writer waits for us
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @StoreTest
    void aWriterDelayedRightAfterReadingTheClockCannotCommitAnEarlierTimeAfterALaterWrite(CatalogStore store) throws Exception {
        PausingClock clock = new PausingClock();
        CatalogService catalog = new CatalogService(store, clock, CalculationEvaluator.NONE);
        Actor actor = Actor.credential("writer");
        catalog.blueprints().create(Fixtures.json("{'identifier': 'paused', 'title': 'Paused', 'schema': {'properties': "
                + "{'writer': {'type': 'string'}}}}"), actor);
        catalog.entities().upsert("paused", List.of(Fixtures.json("{'identifier': 'e', 'properties': {'writer': 'none'}}")),
                WriteOptions.UPSERT_MERGE, actor);

        Thread first = new Thread(() -> {
            clock.pauseNextReadOnThisThread();
            catalog.entities().upsert("paused", List.of(Fixtures.json("{'identifier': 'e', 'properties': {'writer': 'first'}}")),
                    WriteOptions.UPSERT_MERGE, actor);
        });
        Thread second = new Thread(() -> {
            catalog.entities().upsert("paused", List.of(Fixtures.json("{'identifier': 'e', 'properties': {'writer': 'second'}}")),
                    WriteOptions.UPSERT_MERGE, actor);
            clock.resume.countDown();
        });
        first.start();
        assertThat(clock.paused.await(60, TimeUnit.SECONDS)).isTrue();
        second.start();
        first.join(60_000);
        second.join(60_000);

        Entity current = catalog.entities().get("paused", "e");
        List<AuditRecord> audit = catalog.audit(new AuditQuery(null, "paused", "e", null, null, null, null, null, null, 100));
        assertThat(audit).hasSize(3);
        assertThat(audit.getFirst().timestamp()).as("the newest audit record is the last commit").isEqualTo(current.updatedAt());
        assertThat(audit.getFirst().diff().path("after").path("properties").path("writer").asText())
                .isEqualTo(current.properties().path("writer").asText());
        assertThat(audit).allSatisfy(record -> assertThat(record.timestamp()).isBeforeOrEqualTo(current.updatedAt()));
    }
}
