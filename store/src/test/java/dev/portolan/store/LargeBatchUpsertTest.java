package dev.portolan.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.Actor;
import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.audit.AuditAction;
import dev.portolan.catalog.audit.AuditQuery;
import dev.portolan.catalog.audit.AuditRecord;
import dev.portolan.catalog.entity.CalculationEvaluator;
import dev.portolan.catalog.entity.UpsertOutcome;
import dev.portolan.catalog.entity.WriteOptions;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.StoreTest;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of hundreds of entities, some invalid and some pointing at a missing entity, as a resync
 * hands them over: every outcome belongs to its own entity, in request order, and the audit log holds
 * one record per entity written, with that entity's content; written again, only the changed ones
 * get a record.
 */
class LargeBatchUpsertTest {

    private static final int SIZE = 600;

    @StoreTest
    void eachEntityOfALargeBatchGetsItsOwnOutcomeAndAuditRecord(CatalogStore store) {
        CatalogService catalog = new CatalogService(store, Clock.systemUTC(), CalculationEvaluator.NONE);
        Actor actor = Actor.credential("bulk");
        catalog.blueprints().create(Fixtures.json("{'identifier': 'team', 'title': 'Team', 'schema': {'properties': {}}}"), actor);
        catalog.blueprints().create(Fixtures.json("{'identifier': 'svc', 'title': 'Service', 'schema': {'properties': "
                + "{'n': {'type': 'number'}, 'at': {'type': 'string', 'format': 'date-time'}}}, "
                + "'relations': {'owner': {'target': 'team', 'required': false, 'many': false}}}"), actor);
        catalog.entities().upsert("team", List.of(Fixtures.json("{'identifier': 't1'}")), WriteOptions.UPSERT_MERGE, actor);

        // Every 7th has a date-time that is not one; every 11th points at a team that does not exist.
        List<UpsertOutcome> created = catalog.entities().upsert("svc", IntStream.range(0, SIZE).mapToObj(i -> body(i, 0)).toList(),
                WriteOptions.UPSERT_REPLACE, actor);
        assertThat(created).extracting(UpsertOutcome::index).containsExactlyElementsOf(IntStream.range(0, SIZE).boxed().toList());
        for (UpsertOutcome outcome : created) {
            int i = outcome.index();
            assertThat(outcome.identifier()).isEqualTo("s" + i);
            if (i % 7 == 0) {
                assertThat(outcome.error()).as("s%d", i).isNotNull();
                assertThat(outcome.error().getMessage()).contains("'s" + i + "'");
            } else if (i % 11 == 0) {
                assertThat(outcome.error()).as("s%d", i).isNotNull();
                assertThat(outcome.error().getMessage()).contains("'s" + i + "'", "'nobody'");
            } else {
                assertThat(outcome.status()).as("s%d", i).isEqualTo(UpsertOutcome.Status.CREATED);
                assertThat(outcome.entity().properties().path("n").asInt()).isEqualTo(i);
            }
        }
        long written = IntStream.range(0, SIZE).filter(LargeBatchUpsertTest::valid).count();
        assertThat(catalog.entities().count("svc")).isEqualTo(written);
        Map<String, AuditRecord> audit = audit(catalog, AuditAction.CREATE);
        assertThat(audit).hasSize((int) written);
        audit.forEach((identifier, record) -> assertThat(record.diff().path("after").path("properties").path("n").asInt())
                .as(identifier).isEqualTo(Integer.parseInt(identifier.substring(1))));

        // Again, every third one changed: the others are not changed and get no audit record.
        List<UpsertOutcome> again = catalog.entities().upsert("svc", IntStream.range(0, SIZE).mapToObj(i -> body(i, i % 3 == 0 ? 1 : 0)).toList(),
                WriteOptions.UPSERT_REPLACE, actor);
        for (UpsertOutcome outcome : again) {
            int i = outcome.index();
            if (valid(i)) {
                assertThat(outcome.status()).as("s%d", i)
                        .isEqualTo(i % 3 == 0 ? UpsertOutcome.Status.UPDATED : UpsertOutcome.Status.UNCHANGED);
            }
        }
        Map<String, AuditRecord> updates = audit(catalog, AuditAction.UPDATE);
        assertThat(updates.keySet()).containsExactlyInAnyOrderElementsOf(IntStream.range(0, SIZE)
                .filter(i -> valid(i) && i % 3 == 0).mapToObj(i -> "s" + i).toList());
        updates.forEach((identifier, record) -> {
            int i = Integer.parseInt(identifier.substring(1));
            assertThat(record.changedFields()).as(identifier).containsExactly("properties.n");
            assertThat(record.diff().path("before").path("properties").path("n").asInt()).isEqualTo(i);
            assertThat(record.diff().path("after").path("properties").path("n").asInt()).isEqualTo(i + 1000);
        });
    }

    private static boolean valid(int i) {
        return i % 7 != 0 && i % 11 != 0;
    }

    private static JsonNode body(int i, int generation) {
        String at = i % 7 == 0 ? "not a time" : "2026-12-07T20:00:" + String.format("%02d", i % 60) + "Z";
        return Fixtures.json("{'identifier': 's" + i + "', 'properties': {'n': " + (i + generation * 1000) + ", 'at': '" + at + "'}, "
                + "'relations': {'owner': '" + (i % 11 == 0 ? "nobody" : "t1") + "'}}");
    }

    private static Map<String, AuditRecord> audit(CatalogService catalog, AuditAction action) {
        List<AuditRecord> records = catalog.audit(new AuditQuery(null, "svc", null, action, null, "entity", null, null, null, 1000));
        assertThat(records).extracting(AuditRecord::identifier).doesNotHaveDuplicates();
        return records.stream().collect(Collectors.toMap(AuditRecord::identifier, Function.identity()));
    }
}
