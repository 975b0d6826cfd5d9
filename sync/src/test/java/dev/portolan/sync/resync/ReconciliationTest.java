package dev.portolan.sync.resync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.integration.ResyncOrigin;
import dev.portolan.sync.client.CatalogClient;
import dev.portolan.sync.client.DeleteResult;
import dev.portolan.sync.client.IngestOptions;
import dev.portolan.sync.client.IngestResult;
import dev.portolan.sync.client.OwnedPage;
import dev.portolan.sync.mapping.Mapping;
import dev.portolan.sync.mapping.ResourceMapping;
import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.report.ReconciliationReport;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import dev.portolan.sync.testing.KindScript;
import dev.portolan.sync.testing.SyncHarness;
import dev.portolan.sync.testing.SyncTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

import static dev.portolan.sync.testing.Fixtures.REPOSITORY_MAPPING;
import static dev.portolan.sync.testing.Fixtures.SERVICE;
import static dev.portolan.sync.testing.Fixtures.TEAM;
import static dev.portolan.sync.testing.Fixtures.pages;
import static dev.portolan.sync.testing.Fixtures.repo;
import static dev.portolan.sync.testing.Fixtures.repos;
import static org.assertj.core.api.Assertions.assertThat;

/** Deleting what the source no longer has, and every guard that stops it. */
class ReconciliationTest {

    /** A pull request requires its service: a dependent of the service. */
    private static final String PULL_REQUEST = """
            {"identifier": "pullRequest", "title": "Pull request", "schema": {"properties": {}},
             "relations": {"service": {"title": "Service", "target": "service", "required": true, "many": false}}}""";

    private static final String WITH_THRESHOLD = "entityDeletionThreshold: %s\n" + REPOSITORY_MAPPING;

    private static SyncHarness withTenServices(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", pages(4, repos("r", 10)));
        sync.resync(REPOSITORY_MAPPING);
        return sync;
    }

    @SyncTest
    void deletesStaleEntitiesItOwns(SyncHarness sync) {
        withTenServices(sync).script("repository", pages(4, repos("r", 8)));

        SyncReport report = sync.resync(REPOSITORY_MAPPING);

        assertThat(report.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(report.reconciliation().deletedCount()).isEqualTo(2);
        assertThat(report.reconciliation().deleteFailedCount()).isZero();
        assertThat(report.reconciliation().deletionSkippedReason()).isNull();
        assertThat(sync.identifiers("service")).hasSize(8).doesNotContain("r8", "r9");
        assertThat(sync.integrationAudit()).filteredOn(a -> a.action().name().equals("DELETE"))
                .extracting(a -> a.identifier()).containsExactlyInAnyOrder("r8", "r9");
    }

    @SyncTest
    void deletesNothingWhenAFetchFailed(SyncHarness sync) {
        withTenServices(sync).script("repository", pages(1, repos("r", 2)).failingAt(1, "503 Service Unavailable"));

        SyncReport report = sync.resync(REPOSITORY_MAPPING);

        assertThat(report.state()).isEqualTo(SyncState.FAILED);
        assertThat(report.kinds().getFirst().fetchFailedCount()).isEqualTo(1);
        assertThat(report.kinds().getFirst().fetchedCount()).as("the page before the failure").isEqualTo(1);
        assertThat(report.reconciliation().deletedCount()).isZero();
        assertThat(report.reconciliation().deletionSkippedReason())
                .isEqualTo("resource 'repository-0' did not complete (fetch failed: 503 Service Unavailable), so the catalog cannot tell what is gone");
        assertThat(report.toJson().path("tips").toString()).contains("Deletion of stale entities was skipped: resource 'repository-0'");
        assertThat(sync.identifiers("service")).hasSize(10);
    }

    @SyncTest
    void deletesNothingWhenAnyResourceFailedEvenIfAnotherCompleted(SyncHarness sync) {
        withTenServices(sync).script("repository", pages(4, repos("r", 5))).script("team", KindScript.empty().failingAt(0, "timeout"));

        SyncReport report = sync.resync(REPOSITORY_MAPPING + """
                  - kind: team
                    port:
                      entity:
                        mappings:
                          identifier: .name
                          blueprint: '"team"'
                """);

        assertThat(report.kinds().get(0).complete()).isTrue();
        assertThat(report.kinds().get(1).complete()).isFalse();
        assertThat(report.reconciliation().deletedCount()).isZero();
        assertThat(report.reconciliation().deletionSkippedReason()).contains("'team-1'", "timeout");
        assertThat(sync.identifiers("service")).hasSize(10);
    }

    @SyncTest
    void deletesNothingWhenAMappingCouldNotRun(SyncHarness sync) {
        withTenServices(sync).script("repository", pages(4, repos("r", 5)));

        SyncReport report = sync.resync(REPOSITORY_MAPPING.replace("identifier: .name", "identifier: .name | tonumber"));

        assertThat(report.kinds().getFirst().mapFailedCount()).isEqualTo(5);
        assertThat(report.kinds().getFirst().complete()).isFalse();
        assertThat(report.reconciliation().deletedCount()).isZero();
        assertThat(report.reconciliation().deletionSkippedReason()).contains("its mapping could not run");
        assertThat(sync.identifiers("service")).hasSize(10);
    }

    @SyncTest
    void deletesNothingWhenEveryMappingOfAResourceFailedOnEveryObject(SyncHarness sync) {
        withTenServices(sync).script("repository", pages(4, repos("r", 5)));

        SyncReport report = sync.resync("""
                entityDeletionThreshold: 1
                resources:
                  - kind: repository
                    port:
                      entity:
                        mappings:
                          - identifier: .name | tonumber
                            blueprint: '"service"'
                          - identifier: .missing
                            blueprint: '"team"'
                """);

        assertThat(report.kinds().getFirst().mapFailedCount()).isEqualTo(10);
        assertThat(report.kinds().getFirst().complete()).isFalse();
        assertThat(report.reconciliation().deletionSkippedReason()).contains("its mapping could not run");
        assertThat(sync.identifiers("service")).hasSize(10);
    }

    @SyncTest
    void deletesNothingWhenAMappingDoesNotCompileAtResyncTime(SyncHarness sync) {
        withTenServices(sync).script("repository", pages(4, repos("r", 5)));
        Mapping saved = sync.mapping(WITH_THRESHOLD.formatted("1"));
        ResourceMapping resource = saved.resources().getFirst();
        Mapping broken = new Mapping(true, true, true, 1.0, List.of(new ResourceMapping(resource.kind(), resource.selector(),
                ".archived ==", null, "item", false, resource.entities())), saved.extra());

        SyncReport report = sync.resync(SyncHarness.INTEGRATION, broken);

        KindReport kind = report.kinds().getFirst();
        assertThat(kind.complete()).isFalse();
        assertThat(kind.fetchedCount()).as("nothing is fetched for a mapping that cannot run").isZero();
        assertThat(kind.mapErrors().getFirst()).startsWith("resources[0]: ");
        assertThat(report.state()).isEqualTo(SyncState.FAILED);
        assertThat(report.reconciliation().deletionSkippedReason()).contains("its mapping could not run");
        assertThat(sync.identifiers("service")).hasSize(10);
    }

    @SyncTest
    void deletesNothingWhenAFetcherBreaksUnexpectedly(SyncHarness sync) {
        withTenServices(sync).script("repository", pages(2, repos("r", 5)).onPage(1, () -> {
            throw new IllegalStateException("bug in the fetcher");
        }));

        SyncReport report = sync.resync(WITH_THRESHOLD.formatted("1"));

        assertThat(report.state()).isEqualTo(SyncState.FAILED);
        assertThat(report.toJson().path("failure").asText()).contains("bug in the fetcher");
        assertThat(report.reconciliation().deletedCount()).isZero();
        assertThat(sync.identifiers("service")).hasSize(10);
    }

    @SyncTest
    void deletesDespiteSingleObjectsThatFailedToMapOrIngest(SyncHarness sync) {
        withTenServices(sync).script("repository", pages(4, repo("r0"), repo("r1").put("name", 7), repo("r2").put("stars", "x")));

        SyncReport report = sync.resync(WITH_THRESHOLD.formatted("1").replace("identifier: .name", "identifier: .name | ascii_downcase"));

        assertThat(report.kinds().getFirst().mapFailedCount()).isEqualTo(1);
        assertThat(report.kinds().getFirst().ingestFailedCount()).isEqualTo(1);
        assertThat(report.kinds().getFirst().complete()).isTrue();
        assertThat(report.reconciliation().deletionSkippedReason()).isNull();
        // r1 could not be mapped, so it was not produced: stale like r3..r9. r2 was produced (the catalog
        // refused this version of it), so its stored version stays.
        assertThat(report.reconciliation().deletedCount()).isEqualTo(8);
        assertThat(sync.identifiers("service")).containsExactly("r0", "r2");
    }

    @SyncTest
    void deletesNothingAboveTheDeletionThreshold(SyncHarness sync) {
        withTenServices(sync).script("repository", pages(4, repos("r", 4)));

        SyncReport report = sync.resync(WITH_THRESHOLD.formatted("0.5"));

        ReconciliationReport reconciliation = report.reconciliation();
        assertThat(reconciliation.deletedCount()).isZero();
        assertThat(reconciliation.deletionSkippedReason()).isEqualTo(
                "6 of 10 owned entities (60%) would be deleted, above entityDeletionThreshold 0.50; "
                        + "if that is intended, raise the threshold for one resync");
        assertThat(report.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(report.toJson().path("reconciliation").path("delete").path("skipped").asText()).startsWith("6 of 10");
        assertThat(report.toJson().path("tips").toString()).contains("Deletion of stale entities was skipped: 6 of 10 owned entities");
        assertThat(sync.identifiers("service")).hasSize(10);
        assertThat(sync.events().lines().toString()).contains("deletion skipped: 6 of 10");
    }

    @SyncTest
    void deletesUpToTheDeletionThresholdItself(SyncHarness sync) {
        withTenServices(sync).script("repository", pages(4, repos("r", 5)));

        SyncReport report = sync.resync(WITH_THRESHOLD.formatted("0.5"));

        assertThat(report.reconciliation().deletionSkippedReason()).isNull();
        assertThat(report.reconciliation().deletedCount()).isEqualTo(5);
        assertThat(sync.identifiers("service")).hasSize(5);
    }

    @SyncTest
    void deletesEverythingWhenTheSourceIsEmptyOnlyWithThresholdOne(SyncHarness sync) {
        withTenServices(sync).script("repository", KindScript.empty());

        SyncReport guarded = sync.resync(REPOSITORY_MAPPING);
        SyncReport allowed = sync.resync(WITH_THRESHOLD.formatted("1"));

        assertThat(guarded.reconciliation().deletionSkippedReason()).startsWith("10 of 10 owned entities (100%)");
        assertThat(allowed.reconciliation().deletedCount()).isEqualTo(10);
        assertThat(sync.identifiers("service")).isEmpty();
    }

    @SyncTest
    void deletesOnlyEntitiesItOwns(SyncHarness sync) {
        withTenServices(sync);
        sync.writeByApi("service", "{\"identifier\": \"by-api\"}");
        sync.writeAs("other-integration", "service", "{\"identifier\": \"by-other\"}");
        sync.script("repository", pages(4, repos("r", 9)));

        SyncReport report = sync.resync(REPOSITORY_MAPPING);

        assertThat(report.reconciliation().deletedCount()).isEqualTo(1);
        assertThat(sync.identifiers("service")).contains("by-api", "by-other").doesNotContain("r9");
    }

    @SyncTest
    void takesOverAnEntityItWritesAndThenOwnsIt(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE);
        sync.writeByApi("service", "{\"identifier\": \"r0\"}");
        sync.script("repository", pages(4, repos("r", 2)));
        sync.resync(REPOSITORY_MAPPING);
        sync.script("repository", pages(4, repo("r1")));

        SyncReport report = sync.resync(WITH_THRESHOLD.formatted("1"));

        assertThat(sync.get("service", "r1").datasource()).isEqualTo(SyncHarness.INTEGRATION);
        assertThat(report.reconciliation().deletedCount()).isEqualTo(1);
        assertThat(sync.identifiers("service")).containsExactly("r1");
    }

    @SyncTest
    void keepsEntitiesWrittenAfterTheResyncStarted(SyncHarness sync) {
        withTenServices(sync);
        // While the next resync fetches, a live event rewrites r9 (as the integration, so it owns it).
        Runnable liveEvent = () -> {
            sync.clock().advance(Duration.ofMillis(10));
            sync.writeAs(SyncHarness.INTEGRATION, "service", "{\"identifier\": \"r9\", \"properties\": {\"stars\": 99}}");
        };
        sync.script("repository", pages(4, repos("r", 8)).onPage(1, liveEvent));

        SyncReport report = sync.resync(WITH_THRESHOLD.formatted("1"));

        assertThat(report.reconciliation().deletedCount()).as("r8 only").isEqualTo(1);
        assertThat(sync.identifiers("service")).contains("r9").doesNotContain("r8");
        assertThat(sync.get("service", "r9").updatedAt()).isAfter(report.startedAt());
    }

    @SyncTest
    void deletesDependentsWithDeleteDependentEntities(SyncHarness sync) {
        withTenServices(sync).blueprint(PULL_REQUEST);
        sync.writeByApi("pullRequest", "{\"identifier\": \"pr-1\", \"relations\": {\"service\": \"r9\"}}");
        sync.writeByApi("pullRequest", "{\"identifier\": \"pr-2\", \"relations\": {\"service\": \"r0\"}}");
        sync.script("repository", pages(4, repos("r", 9)));

        SyncReport report = sync.resync("deleteDependentEntities: true\n" + REPOSITORY_MAPPING);

        assertThat(report.reconciliation().deletedCount()).as("r9 and pr-1").isEqualTo(2);
        assertThat(report.reconciliation().deleteFailedCount()).isZero();
        assertThat(sync.identifiers("service")).doesNotContain("r9");
        assertThat(sync.identifiers("pullRequest")).containsExactly("pr-2");
    }

    @SyncTest
    void keepsAnEntityOthersRequireWithoutDeleteDependentEntities(SyncHarness sync) {
        withTenServices(sync).blueprint(PULL_REQUEST);
        sync.writeByApi("pullRequest", "{\"identifier\": \"pr-1\", \"relations\": {\"service\": \"r9\"}}");
        sync.script("repository", pages(4, repos("r", 8)));

        SyncReport report = sync.resync("deleteDependentEntities: false\n" + REPOSITORY_MAPPING);

        assertThat(report.reconciliation().deletedCount()).as("r8 only").isEqualTo(1);
        assertThat(report.reconciliation().deleteFailedCount()).as("r9, required by pr-1").isEqualTo(1);
        assertThat(sync.identifiers("service")).contains("r9").doesNotContain("r8");
        assertThat(sync.identifiers("pullRequest")).containsExactly("pr-1");
        assertThat(sync.events().lines().toString()).contains("could not delete: service/r9");
        assertThat(report.toJson().path("reconciliation").path("delete").path("failed").asInt()).isEqualTo(1);
    }

    @SyncTest
    void clearsOptionalRelationsToDeletedEntities(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("team", KindScript.objects("{\"name\": \"core\"}", "{\"name\": \"gone\"}"));
        String teams = """
                entityDeletionThreshold: 1
                resources:
                  - kind: team
                    port:
                      entity:
                        mappings:
                          identifier: .name
                          blueprint: '"team"'
                """;
        sync.resync(teams);
        sync.writeByApi("service", "{\"identifier\": \"s\", \"relations\": {\"team\": \"gone\"}}");
        sync.script("team", KindScript.objects("{\"name\": \"core\"}"));

        SyncReport report = sync.resync(teams);

        assertThat(report.reconciliation().deletedCount()).isEqualTo(1);
        assertThat(sync.get("service", "s").relations().path("team").isNull()).isTrue();
    }

    @SyncTest
    void countsEachDeletedEntityOnceWhenItsDependentsAreStaleToo(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).blueprint(PULL_REQUEST);
        String mapping = """
                entityDeletionThreshold: 1
                resources:
                  - kind: repository
                    port: {entity: {mappings: {identifier: .name, blueprint: '"service"'}}}
                  - kind: pull-request
                    port: {entity: {mappings: {identifier: .id, blueprint: '"pullRequest"', relations: {service: .repo}}}}
                """;
        sync.script("repository", pages(3, repos("r", 5)))
                .script("pull-request", KindScript.objects("{\"id\": \"pr-0\", \"repo\": \"r0\"}", "{\"id\": \"pr-4\", \"repo\": \"r4\"}",
                        "{\"id\": \"pr-5\", \"repo\": \"r4\"}"));
        sync.resync(mapping);
        // r4 and its pull requests are gone from the source.
        sync.script("repository", pages(3, repos("r", 4))).script("pull-request", KindScript.objects("{\"id\": \"pr-0\", \"repo\": \"r0\"}"));

        SyncReport report = sync.resync(mapping);

        assertThat(report.reconciliation().deletedCount()).isEqualTo(3);
        assertThat(report.reconciliation().deleteFailedCount()).isZero();
        assertThat(sync.identifiers("service")).containsExactly("r0", "r1", "r2", "r3");
        assertThat(sync.identifiers("pullRequest")).containsExactly("pr-0");
    }

    @SyncTest
    void deletesStaleEntitiesInBatchesGatheredAcrossPagesOfOwnedEntities(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", pages(500, repos("r", 2_500)));
        String mapping = WITH_THRESHOLD.formatted(1);
        sync.resync(mapping);
        // Three of every four are gone: stale entities on each of the three pages of owned entities.
        List<JsonNode> kept = new ArrayList<>();
        for (int i = 0; i < 2_500; i += 4) kept.add(repo("r" + i));
        sync.script("repository", pages(500, kept));
        CountingClient counting = new CountingClient(sync.context(SyncHarness.INTEGRATION, sync.mapping(mapping)).client());

        SyncReport report = resyncThrough(counting, sync, mapping);

        assertThat(report.reconciliation().deletedCount()).isEqualTo(1_875);
        assertThat(sync.count("service")).isEqualTo(625);
        assertThat(counting.deletes).containsExactly(1_000, 875);
    }

    @SyncTest
    void readsNoOwnedEntityWhenTheResyncProducedEveryEntityItOwns(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", pages(500, repos("r", 2_500)));
        sync.resync(REPOSITORY_MAPPING);
        CountingClient counting = new CountingClient(sync.context(SyncHarness.INTEGRATION, sync.mapping(REPOSITORY_MAPPING)).client());

        SyncReport unchanged = resyncThrough(counting, sync, REPOSITORY_MAPPING);

        assertThat(unchanged.reconciliation().deletedCount()).isZero();
        assertThat(unchanged.kinds().getFirst().notChangedCount()).isEqualTo(2_500);
        assertThat(counting.ownedPages).isZero();

        // One gone: now the owned entities are read, and the stale one deleted.
        sync.script("repository", pages(500, repos("r", 2_499)));
        CountingClient again = new CountingClient(sync.context(SyncHarness.INTEGRATION, sync.mapping(REPOSITORY_MAPPING)).client());

        SyncReport oneGone = resyncThrough(again, sync, REPOSITORY_MAPPING);

        assertThat(oneGone.reconciliation().deletedCount()).isEqualTo(1);
        assertThat(again.ownedPages).isPositive();
        assertThat(sync.entity("service", "r2499")).isEmpty();
    }

    @SyncTest
    void anEntityOwnedBeforeTheResyncThatItDidNotProduceIsStillFoundStale(SyncHarness sync) {
        withTenServices(sync);
        // Owned by the integration, written before the resync, never produced by this source.
        sync.writeAs(SyncHarness.INTEGRATION, "service", "{\"identifier\": \"orphan\"}");
        CountingClient counting = new CountingClient(sync.context(SyncHarness.INTEGRATION, sync.mapping(REPOSITORY_MAPPING)).client());

        SyncReport report = resyncThrough(counting, sync, REPOSITORY_MAPPING);

        assertThat(report.reconciliation().deletedCount()).isEqualTo(1);
        assertThat(sync.entity("service", "orphan")).isEmpty();
        assertThat(sync.identifiers("service")).hasSize(10);
    }

    /** A resync of the harness's integration whose catalog client is {@code client}. */
    private static SyncReport resyncThrough(CatalogClient client, SyncHarness sync, String mapping) {
        ResyncContext context = sync.context(SyncHarness.INTEGRATION, sync.mapping(mapping));
        ResyncContext through = new ResyncContext(context.installation(), context.integration(), context.settings(),
                context.mapping(), client, context.jq(), context.clock(), context.jqTimeout(), context.batchSize(), context.cancelled());
        sync.clock().advance(Duration.ofSeconds(1));
        return new ResyncRunner(through, sync.events(), ResyncProgress.NONE)
                .run(new SyncReport(java.util.UUID.randomUUID().toString(), SyncHarness.INTEGRATION, "manual", sync.clock().instant()));
    }

    /** The in-process client, recording how many entities each delete carried and how many pages of owned entities were read. */
    private static final class CountingClient implements CatalogClient {
        private final CatalogClient client;
        final List<Integer> deletes = new ArrayList<>();
        int ownedPages;

        CountingClient(CatalogClient client) {
            this.client = client;
        }

        @Override
        public List<String> createMissingBlueprints(List<ObjectNode> blueprints) {
            return client.createMissingBlueprints(blueprints);
        }

        @Override
        public List<IngestResult> upsert(String blueprint, List<ObjectNode> entities, IngestOptions options) {
            return client.upsert(blueprint, entities, options);
        }

        @Override
        public List<String> findIdentifiers(String blueprint, JsonNode query, int limit) {
            return client.findIdentifiers(blueprint, query, limit);
        }

        @Override
        public OwnedPage ownedEntities(String datasource, String cursor, int limit) {
            ownedPages++;
            return client.ownedEntities(datasource, cursor, limit);
        }

        @Override
        public DeleteResult delete(String blueprint, List<String> identifiers, boolean deleteDependents) {
            deletes.add(identifiers.size());
            return client.delete(blueprint, identifiers, deleteDependents);
        }

        @Override
        public DeleteResult delete(String blueprint, List<String> identifiers, boolean deleteDependents, ResyncOrigin origin) {
            deletes.add(identifiers.size());
            return client.delete(blueprint, identifiers, deleteDependents, origin);
        }

        @Override
        public boolean producedEveryOwnedEntity(String resyncId, String datasource, LongPredicate produced) {
            return client.producedEveryOwnedEntity(resyncId, datasource, produced);
        }
    }
}
