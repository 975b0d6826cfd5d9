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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
}
