package dev.portolan.sync.resync;

import dev.portolan.catalog.audit.AuditRecord;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import dev.portolan.sync.testing.KindScript;
import dev.portolan.sync.testing.SyncHarness;
import dev.portolan.sync.testing.SyncTest;

import java.time.Instant;
import java.util.List;

import static dev.portolan.sync.testing.Fixtures.REPOSITORY_MAPPING;
import static dev.portolan.sync.testing.Fixtures.SERVICE;
import static dev.portolan.sync.testing.Fixtures.TEAM;
import static dev.portolan.sync.testing.Fixtures.pages;
import static dev.portolan.sync.testing.Fixtures.repo;
import static dev.portolan.sync.testing.Fixtures.repos;
import static org.assertj.core.api.Assertions.assertThat;

/** The ingest stage: ingested, not changed (which costs no write), failures with the blueprint's rule, ownership. */
class IngestStageTest {

    @SyncTest
    void countsCreatedAndUpdatedEntitiesAsIngested(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", pages(2, repos("r", 3)));
        sync.resync(REPOSITORY_MAPPING);
        sync.script("repository", pages(2, repo("r0", 5), repo("r1"), repo("r2"), repo("r3")));

        KindReport kind = sync.resync(REPOSITORY_MAPPING).kinds().getFirst();

        assertThat(kind.ingestedCount()).as("r0 updated, r3 created").isEqualTo(2);
        assertThat(kind.notChangedCount()).isEqualTo(2);
        assertThat(kind.ingestFailedCount()).isZero();
        assertThat(sync.get("service", "r0").properties().path("stars").asInt()).isEqualTo(5);
    }

    @SyncTest
    void countsEveryEntityAsNotChangedOnAnIdenticalResync(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", pages(2, repos("r", 5)));
        KindReport first = sync.resync(REPOSITORY_MAPPING).kinds().getFirst();

        KindReport second = sync.resync(REPOSITORY_MAPPING).kinds().getFirst();

        assertThat(first.ingestedCount()).isEqualTo(5);
        assertThat(first.notChangedCount()).isZero();
        assertThat(second.fetchedCount()).isEqualTo(5);
        assertThat(second.transformedCount()).isEqualTo(5);
        assertThat(second.ingestedCount()).isZero();
        assertThat(second.notChangedCount()).isEqualTo(5);
    }

    @SyncTest
    void writesNothingWhenNothingChanged(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", pages(2, repos("r", 5)));
        sync.resync(REPOSITORY_MAPPING);
        Instant writtenAt = sync.get("service", "r3").updatedAt();
        List<AuditRecord> auditBefore = sync.integrationAudit();

        SyncReport second = sync.resync(REPOSITORY_MAPPING);

        assertThat(second.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(sync.clock().instant()).isAfter(writtenAt);
        assertThat(sync.get("service", "r3").updatedAt()).isEqualTo(writtenAt);
        assertThat(sync.integrationAudit()).hasSameSizeAs(auditBefore).hasSize(5);
        assertThat(second.reconciliation().deletedCount()).isZero();
    }

    @SyncTest
    void writesAsTheIntegrationWhichOwnsWhatItWrites(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", pages(2, repos("r", 1)));

        sync.resync(REPOSITORY_MAPPING);

        Entity entity = sync.get("service", "r0");
        assertThat(entity.datasource()).isEqualTo(SyncHarness.INTEGRATION);
        assertThat(entity.createdBy()).isEqualTo("integration:" + SyncHarness.INTEGRATION);
        assertThat(sync.integrationAudit()).singleElement().satisfies(a -> {
            assertThat(a.identifier()).isEqualTo("r0");
            assertThat(a.origin()).isEqualTo("integration:" + SyncHarness.INTEGRATION);
        });
    }

    @SyncTest
    void reportsIngestFailuresWithTheBlueprintRuleThatRefusedThem(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", KindScript.objects(
                "{\"name\": \"good\", \"stars\": 3}", "{\"name\": \"bad\", \"stars\": \"many\"}", "{\"name\": \"ugly\", \"url\": \"not a url\"}"));

        SyncReport report = sync.resync(REPOSITORY_MAPPING);

        KindReport kind = report.kinds().getFirst();
        assertThat(kind.transformedCount()).isEqualTo(3);
        assertThat(kind.ingestedCount()).isEqualTo(1);
        assertThat(kind.ingestFailedCount()).isEqualTo(2);
        assertThat(kind.ingestErrors()).hasSize(2);
        assertThat(kind.ingestErrors().get(0)).startsWith("service/bad: ").contains("properties.stars");
        assertThat(kind.ingestErrors().get(1)).startsWith("service/ugly: ").contains("properties.url");
        // Single entities the catalog refuses do not make the resource incomplete.
        assertThat(kind.complete()).isTrue();
        assertThat(report.toJson().path("tips").toString())
                .contains("2 entit(y/ies) were refused by the catalog; first: service/bad", "Compare the mapping with the blueprint's rules");
        assertThat(sync.identifiers("service")).containsExactly("good");
    }

    @SyncTest
    void countsEveryEntityOfAMissingBlueprintAsFailed(SyncHarness sync) {
        sync.script("repository", pages(2, repos("r", 3)));

        KindReport kind = sync.resync(REPOSITORY_MAPPING).kinds().getFirst();

        assertThat(kind.ingestFailedCount()).isEqualTo(3);
        assertThat(kind.ingestErrors().getFirst()).contains("service/r0: ", "Blueprint", "service");
    }

    @SyncTest
    void reportsTheSameKindTwiceInMappingOrder(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE)
                .script("repository", pages(10, repo("a"), repo("b").put("archived", true), repo("c")))
                .script("team", KindScript.objects("{\"name\": \"core\"}"));

        SyncReport report = sync.resync("""
                resources:
                  - kind: repository
                    selector:
                      query: .archived == false
                    port:
                      entity:
                        mappings:
                          identifier: .name
                          blueprint: '"service"'
                  - kind: team
                    port:
                      entity:
                        mappings:
                          identifier: .name
                          blueprint: '"team"'
                  - kind: repository
                    selector:
                      query: .archived
                    port:
                      entity:
                        mappings:
                          identifier: '"archived-" + .name'
                          blueprint: '"service"'
                """);

        assertThat(report.kinds()).extracting(KindReport::kindIdentifier).containsExactly("repository-0", "team-1", "repository-2");
        assertThat(report.kinds()).extracting(KindReport::fetchedCount).containsExactly(3L, 1L, 3L);
        assertThat(report.kinds()).extracting(KindReport::transformedCount).containsExactly(2L, 1L, 1L);
        assertThat(report.kinds()).extracting(KindReport::filteredOutCount).containsExactly(1L, 0L, 2L);
        assertThat(report.toJson().path("kinds").findValuesAsText("kindIdentifier"))
                .containsExactly("repository-0", "team-1", "repository-2");
        assertThat(sync.integration().fetchersMade("repository")).isEqualTo(2);
        assertThat(sync.identifiers("service")).containsExactly("a", "archived-b", "c");
    }

    @SyncTest
    void keepsWhatTheMappingDoesNotNameWithEnableMergeEntity(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE);
        sync.writeByApi("service", "{\"identifier\": \"r0\", \"properties\": {\"language\": \"Java\", \"stars\": 1}}");
        sync.script("repository", pages(2, repo("r0", 5)));

        KindReport first = sync.resync(REPOSITORY_MAPPING).kinds().getFirst();
        KindReport second = sync.resync(REPOSITORY_MAPPING).kinds().getFirst();

        assertThat(sync.get("service", "r0").properties().path("language").asText()).isEqualTo("Java");
        assertThat(sync.get("service", "r0").properties().path("stars").asInt()).isEqualTo(5);
        assertThat(first.ingestedCount()).isEqualTo(1);
        assertThat(second.notChangedCount()).as("merged, nothing new").isEqualTo(1);
    }

    @SyncTest
    void replacesTheStoredEntityWithoutEnableMergeEntity(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE);
        sync.writeByApi("service", "{\"identifier\": \"r0\", \"properties\": {\"language\": \"Java\", \"stars\": 1}}");
        sync.script("repository", pages(2, repo("r0", 5)));

        KindReport kind = sync.resync("enableMergeEntity: false\n" + REPOSITORY_MAPPING).kinds().getFirst();

        assertThat(kind.ingestedCount()).isEqualTo(1);
        assertThat(sync.get("service", "r0").properties().has("language")).isFalse();
        assertThat(sync.get("service", "r0").properties().path("stars").asInt()).isEqualTo(5);
    }
}
