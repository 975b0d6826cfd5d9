package dev.portolan.sync.resync;

import dev.portolan.catalog.audit.AuditAction;
import dev.portolan.catalog.audit.AuditRecord;
import dev.portolan.sync.client.InProcessCatalogClient;
import dev.portolan.sync.jq.PortolanJqEngine;
import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import dev.portolan.sync.testing.Fixtures;
import dev.portolan.sync.testing.KindScript;
import dev.portolan.sync.testing.SyncHarness;
import dev.portolan.sync.testing.SyncTest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.portolan.sync.testing.Fixtures.REPOSITORY_MAPPING;
import static dev.portolan.sync.testing.Fixtures.SERVICE;
import static dev.portolan.sync.testing.Fixtures.TEAM;
import static dev.portolan.sync.testing.Fixtures.repo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resync compares its upserts with the content hashes of the integration's entities read once at
 * its start: what it finds unchanged costs nothing, and what changed since (by someone else, or by
 * an earlier write of the same resync, or a resync that stopped half-way) is still written, counted
 * and audited exactly once.
 */
class StoredHashesResyncTest {

    /** Two resources describing the same services: the second one's stars win, being written last. */
    private static final String TWO_RESOURCES = """
            resources:
              - kind: repository
                port: {entity: {mappings: {identifier: .name, title: .name, blueprint: '"service"', properties: {url: .url, stars: .stars}}}}
              - kind: pull-request
                port: {entity: {mappings: {identifier: .name, title: .name, blueprint: '"service"', properties: {url: .url, stars: .stars}}}}
            """;

    private static List<AuditRecord> auditOf(SyncHarness sync, String identifier) {
        return sync.integrationAudit().stream().filter(r -> r.identifier().equals(identifier)).toList();
    }

    @SyncTest
    void writesBackWhatSomeoneElseChangedBetweenResyncsAndNothingElse(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", Fixtures.pages(2, repo("a", 1), repo("b", 1), repo("c", 1)));
        sync.resync(REPOSITORY_MAPPING);
        sync.writeAs(SyncHarness.INTEGRATION, "service", "{\"identifier\": \"b\", \"title\": \"b\", \"properties\": {\"url\": \"https://git.example.com/b\", \"stars\": 9}}");

        SyncReport second = sync.resync(REPOSITORY_MAPPING);

        KindReport kind = second.kinds().getFirst();
        assertThat(kind.ingestedCount()).isEqualTo(1);
        assertThat(kind.notChangedCount()).isEqualTo(2);
        assertThat(sync.get("service", "b").properties().path("stars").asInt()).isEqualTo(1);
        assertThat(auditOf(sync, "b")).extracting(AuditRecord::action)
                .containsExactly(AuditAction.UPDATE, AuditAction.UPDATE, AuditAction.CREATE);
        assertThat(auditOf(sync, "a")).extracting(AuditRecord::action).containsExactly(AuditAction.CREATE);
    }

    /**
     * One batch of 601 entities: the repeat of s7 is compared with what the first write of s7 left in
     * the table, not with what the table held when the batch arrived.
     */
    @SyncTest
    void aLargeBatchWithARepeatedEntityAndAnUnknownPropertyCountsAsASmallOneDoes(SyncHarness sync) {
        String withUnknown = """
                resources:
                  - kind: repository
                    port: {entity: {mappings: {identifier: .name, blueprint: '"service"', properties: {stars: .stars, archived: .archived}}}}
                """; // archived: a property the blueprint does not have, dropped from every entity
        List<com.fasterxml.jackson.databind.JsonNode> objects = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) objects.add(repo("s" + i, 1));
        objects.add(repo("s7", 5));
        sync.blueprint(TEAM).blueprint(SERVICE).batchSize(1000).script("repository", Fixtures.pages(1000, objects));

        SyncReport first = sync.resync(withUnknown);

        assertThat(first.kinds().getFirst().ingestedCount()).isEqualTo(601);
        assertThat(sync.get("service", "s7").properties().path("stars").asInt()).isEqualTo(5);
        assertThat(sync.get("service", "s8").properties().has("archived")).isFalse();

        SyncReport second = sync.resync(withUnknown);

        // s7 goes from 5 to 1 and back to 5; every other service is as stored.
        KindReport kind = second.kinds().getFirst();
        assertThat(kind.ingestedCount()).isEqualTo(2);
        assertThat(kind.notChangedCount()).isEqualTo(599);
        assertThat(sync.get("service", "s7").properties().path("stars").asInt()).isEqualTo(5);
        assertThat(auditOf(sync, "s7")).hasSize(4);
        assertThat(auditOf(sync, "s8")).hasSize(1);
    }

    @SyncTest
    void anEntityWrittenTwiceInOneResyncEndsAsItsLastWriteSays(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE)
                .script("repository", Fixtures.pages(10, repo("x", 1)))
                .script("pull-request", Fixtures.pages(10, repo("x", 2)));
        sync.resync(TWO_RESOURCES); // stored: stars 2

        SyncReport second = sync.resync(TWO_RESOURCES);

        // The first resource changes x to 1; the second must see that write, not the hash read at the start.
        assertThat(second.kinds()).extracting(KindReport::ingestedCount).containsExactly(1L, 1L);
        assertThat(second.kinds()).extracting(KindReport::notChangedCount).containsExactly(0L, 0L);
        assertThat(sync.get("service", "x").properties().path("stars").asInt()).isEqualTo(2);
        assertThat(auditOf(sync, "x")).hasSize(4);
    }

    @SyncTest
    void theSameIdentifierTwiceInOneBatchIsWrittenInOrder(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", Fixtures.pages(10, repo("x", 1)));
        sync.resync(REPOSITORY_MAPPING);
        sync.script("repository", Fixtures.pages(10, repo("x", 5), repo("x", 1)));

        SyncReport second = sync.resync(REPOSITORY_MAPPING);

        KindReport kind = second.kinds().getFirst();
        assertThat(kind.ingestedCount()).isEqualTo(2);
        assertThat(kind.notChangedCount()).isZero();
        assertThat(sync.get("service", "x").properties().path("stars").asInt()).isEqualTo(1);
    }

    @SyncTest
    void aResyncStoppedHalfWayLosesNothingAndTheNextOneConverges(SyncHarness sync) {
        int objects = 1_000;
        AtomicBoolean stop = new AtomicBoolean();
        sync.blueprint(TEAM).blueprint(SERVICE).batchSize(100)
                .script("repository", KindScript.generated(objects, 100, i -> repo("repo-" + i, 1)));
        sync.resync(REPOSITORY_MAPPING.replace("stars: .stars", "stars: 0")); // every entity differs from the source below
        sync.script("repository", KindScript.generated(objects, 100, i -> repo("repo-" + i, 1)).onPage(4, () -> stop.set(true)));
        ResyncContext context = new ResyncContext(SyncHarness.INTEGRATION, sync.integration(), sync.integration().settings().parse(
                dev.portolan.catalog.json.Json.object()), sync.mapping(REPOSITORY_MAPPING),
                new InProcessCatalogClient(sync.catalog(), SyncHarness.INTEGRATION), PortolanJqEngine.INSTANCE, sync.clock(),
                Duration.ofSeconds(5), 100, stop::get);
        sync.clock().advance(Duration.ofSeconds(1));

        SyncReport stopped = new ResyncRunner(context, sync.events(), ResyncProgress.NONE)
                .run(new SyncReport(UUID.randomUUID().toString(), SyncHarness.INTEGRATION, "manual", sync.clock().instant()));

        assertThat(stopped.state()).isEqualTo(SyncState.ABORTED);
        long written = stopped.kinds().getFirst().ingestedCount();
        assertThat(written).isBetween(1L, (long) objects - 1);
        assertThat(sync.count("service")).isEqualTo(objects);

        SyncReport next = sync.resync(REPOSITORY_MAPPING);

        KindReport kind = next.kinds().getFirst();
        assertThat(next.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(kind.ingestedCount()).isEqualTo(objects - written);
        assertThat(kind.notChangedCount()).isEqualTo(written);
        assertThat(next.reconciliation().deletedCount()).isZero();
        Map<String, Long> updates = sync.integrationAudit().stream().filter(r -> r.action() == AuditAction.UPDATE)
                .collect(Collectors.groupingBy(AuditRecord::identifier, Collectors.counting()));
        assertThat(updates).hasSize(objects).allSatisfy((identifier, count) -> assertThat(count).isEqualTo(1L));
        assertThat(sync.identifiers("service").stream().map(id -> sync.get("service", id).properties().path("stars").asInt())
                .collect(Collectors.toSet())).containsExactly(1);
    }

    @SyncTest
    void anEntityDeletedByReconciliationAndProducedAgainIsCreated(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", Fixtures.pages(10, repo("a"), repo("b"), repo("c")));
        sync.resync(REPOSITORY_MAPPING);
        sync.script("repository", Fixtures.pages(10, repo("a"), repo("b")));
        assertThat(sync.resync(REPOSITORY_MAPPING).reconciliation().deletedCount()).isEqualTo(1);
        sync.script("repository", Fixtures.pages(10, repo("a"), repo("b"), repo("c")));

        SyncReport third = sync.resync(REPOSITORY_MAPPING);

        assertThat(third.kinds().getFirst().ingestedCount()).isEqualTo(1);
        assertThat(third.kinds().getFirst().notChangedCount()).isEqualTo(2);
        Map<String, AuditRecord> newest = sync.integrationAudit().stream()
                .collect(Collectors.toMap(AuditRecord::identifier, Function.identity(), (first, later) -> first));
        assertThat(newest.get("c").action()).isEqualTo(AuditAction.CREATE);
    }
}
