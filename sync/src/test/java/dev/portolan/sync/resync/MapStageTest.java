package dev.portolan.sync.resync;

import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import dev.portolan.sync.testing.KindScript;
import dev.portolan.sync.testing.SyncHarness;
import dev.portolan.sync.testing.SyncTest;

import java.util.ArrayList;
import java.util.List;

import static dev.portolan.sync.testing.Fixtures.SERVICE;
import static dev.portolan.sync.testing.Fixtures.TEAM;
import static dev.portolan.sync.testing.Fixtures.pages;
import static dev.portolan.sync.testing.Fixtures.repo;
import static dev.portolan.sync.testing.Fixtures.repos;
import static org.assertj.core.api.Assertions.assertThat;

/** The map stage: selector, itemsToParse, several mappings, and failures reported with their path and jq's message. */
class MapStageTest {

    private static String mapping(String selector, String identifier) {
        return """
                resources:
                  - kind: repository
                    selector:
                      query: '%s'
                    port:
                      entity:
                        mappings:
                          identifier: '%s'
                          blueprint: '"service"'
                          properties:
                            url: .url
                            stars: .stars
                """.formatted(selector, identifier);
    }

    @SyncTest
    void filtersOutObjectsTheSelectorRejects(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE)
                .script("repository", pages(10, repo("kept"), repo("old").put("archived", true), repo("also-kept")));

        KindReport kind = sync.resync(mapping(".archived == false", ".name")).kinds().getFirst();

        assertThat(kind.fetchedCount()).isEqualTo(3);
        assertThat(kind.filteredOutCount()).isEqualTo(1);
        assertThat(kind.transformedCount()).isEqualTo(2);
        assertThat(kind.mapFailedCount()).isZero();
        assertThat(sync.identifiers("service")).containsExactly("also-kept", "kept");
    }

    @SyncTest
    void tellsToCheckTheSelectorWhenEverythingIsFilteredOut(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", pages(10, repos("r", 3)));

        SyncReport report = sync.resync(mapping(".archived == true", ".name"));

        assertThat(report.kinds().getFirst().filteredOutCount()).isEqualTo(3);
        assertThat(report.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(report.toJson().path("tips").toString()).contains("every fetched object was filtered out. Check selector.query");
    }

    @SyncTest
    void reportsAMapFailureWithTheFailingLeafsPathAndJqMessage(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE)
                .script("repository", pages(10, repo("good"), repo("x").put("name", 42), repo("y").putNull("name")));

        SyncReport report = sync.resync(mapping("true", ".name | ascii_downcase"));

        KindReport kind = report.kinds().getFirst();
        assertThat(kind.fetchedCount()).isEqualTo(3);
        assertThat(kind.transformedCount()).isEqualTo(1);
        assertThat(kind.mapFailedCount()).isEqualTo(2);
        assertThat(kind.mapErrors()).hasSize(2);
        assertThat(kind.mapErrors().getFirst())
                .startsWith("resources[0].port.entity.mappings.identifier (.name | ascii_downcase): "
                        + "no entity: the identifier must be a non-empty string, but it failed: ")
                .endsWith("input must be a string");
        assertThat(kind.mapErrors().get(1)).startsWith("resources[0].port.entity.mappings.identifier");
        // Single objects that fail to map do not make the resource incomplete.
        assertThat(kind.complete()).isTrue();
        assertThat(report.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(report.toJson().path("tips").toString()).contains("2 object(s) could not be mapped; first: resources[0]");
        assertThat(sync.identifiers("service")).containsExactly("good");
    }

    @SyncTest
    void saysAnEntityWithoutIdentifierIsAFailure(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", KindScript.objects("{\"url\": \"https://x.example.com\"}", "{\"name\": \"ok\"}"));

        KindReport kind = sync.resync(mapping("true", ".name")).kinds().getFirst();

        assertThat(kind.mapFailedCount()).isEqualTo(1);
        assertThat(kind.mapErrors().getFirst()).isEqualTo(
                "resources[0].port.entity.mappings.identifier (.name): no entity: the identifier must be a non-empty string, but it gave null");
        assertThat(kind.transformedCount()).isEqualTo(1);
    }

    @SyncTest
    void keepsOnlyTheFirstErrorsButCountsThemAll(SyncHarness sync) {
        List<com.fasterxml.jackson.databind.JsonNode> objects = new ArrayList<>();
        for (int i = 0; i < 15; i++) objects.add(repo("r" + i).put("name", i));
        objects.add(repo("fine"));
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", pages(4, objects));

        KindReport kind = sync.resync(mapping("true", ".name | ascii_downcase")).kinds().getFirst();

        assertThat(kind.mapFailedCount()).isEqualTo(15);
        assertThat(kind.mapErrors()).hasSize(KindReport.KEPT_ERRORS);
        assertThat(kind.transformedCount()).isEqualTo(1);
    }

    @SyncTest
    void countsASelectorThatIsNotABooleanAsAFailure(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", pages(10, repos("r", 2)));

        SyncReport report = sync.resync(mapping(".name", ".name"));

        KindReport kind = report.kinds().getFirst();
        assertThat(kind.mapFailedCount()).isEqualTo(2);
        assertThat(kind.filteredOutCount()).isZero();
        assertThat(kind.transformedCount()).isZero();
        assertThat(kind.mapErrors().getFirst()).isEqualTo("resources[0].selector.query (.name): must yield true or false, got \"r0\"");
        // Every object failing means the mapping could not run at all: the resource is incomplete.
        assertThat(kind.complete()).isFalse();
        assertThat(report.state()).isEqualTo(SyncState.FAILED);
        assertThat(report.reconciliation().deletionSkippedReason()).contains("'repository-0' did not complete (its mapping could not run)");
    }

    @SyncTest
    void reportsANullOrFailingLeafWithoutFailingTheEntity(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", KindScript.objects("{\"name\": \"a\"}"));

        KindReport kind = sync.resync("""
                resources:
                  - kind: repository
                    port:
                      entity:
                        mappings:
                          identifier: .name
                          blueprint: '"service"'
                          properties:
                            url: .url
                            stars: .name | tonumber
                """).kinds().getFirst();

        assertThat(kind.transformedCount()).isEqualTo(1);
        assertThat(kind.mapFailedCount()).isZero();
        assertThat(kind.ingestedCount()).isEqualTo(1);
        assertThat(sync.events().lines().toString())
                .contains("service/a: resources[0].port.entity.mappings.properties.");
        assertThat(sync.get("service", "a").properties().path("url").isNull()).isTrue();
    }

    @SyncTest
    void turnsOneObjectIntoManyWithItemsToParse(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", KindScript.objects(
                "{\"name\": \"mono\", \"url\": \"https://git.example.com/mono\", \"modules\": [{\"id\": \"api\"}, {\"id\": \"web\"}, {\"id\": \"db\"}]}",
                "{\"name\": \"empty\", \"modules\": []}"));

        KindReport kind = sync.resync("""
                resources:
                  - kind: repository
                    port:
                      itemsToParse: .modules
                      entity:
                        mappings:
                          identifier: .name + "-" + .item.id
                          blueprint: '"service"'
                          properties:
                            url: .url
                """).kinds().getFirst();

        assertThat(kind.fetchedCount()).isEqualTo(2);
        assertThat(kind.transformedCount()).isEqualTo(3);
        assertThat(kind.ingestedCount()).isEqualTo(3);
        assertThat(sync.identifiers("service")).containsExactly("mono-api", "mono-db", "mono-web");
        assertThat(sync.get("service", "mono-web").properties().path("url").asText()).isEqualTo("https://git.example.com/mono");
    }

    @SyncTest
    void namesEachItemAfterItemsToParseName(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", KindScript.objects(
                "{\"name\": \"mono\", \"modules\": [{\"id\": \"api\"}, {\"id\": \"web\"}]}"));

        KindReport kind = sync.resync("""
                resources:
                  - kind: repository
                    port:
                      itemsToParse: .modules
                      itemsToParseName: module
                      entity:
                        mappings:
                          identifier: .name + "-" + .module.id
                          blueprint: '"service"'
                """).kinds().getFirst();

        assertThat(kind.transformedCount()).isEqualTo(2);
        assertThat(sync.identifiers("service")).containsExactly("mono-api", "mono-web");
    }

    @SyncTest
    void makesEachItemTheRootWithItemsToParseTopLevelTransform(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", KindScript.objects(
                "{\"name\": \"mono\", \"modules\": [{\"id\": \"api\", \"stars\": 3}, {\"id\": \"web\", \"stars\": 4}]}"));

        KindReport kind = sync.resync("""
                resources:
                  - kind: repository
                    port:
                      itemsToParse: .modules
                      itemsToParseTopLevelTransform: true
                      entity:
                        mappings:
                          identifier: .id
                          blueprint: '"service"'
                          properties:
                            stars: .stars
                """).kinds().getFirst();

        assertThat(kind.transformedCount()).isEqualTo(2);
        assertThat(sync.identifiers("service")).containsExactly("api", "web");
        assertThat(sync.get("service", "web").properties().path("stars").asInt()).isEqualTo(4);
    }

    @SyncTest
    void countsItemsToParseThatIsNotAnArrayAsAFailure(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", KindScript.objects(
                "{\"name\": \"a\", \"modules\": \"api\"}", "{\"name\": \"b\", \"modules\": [{\"id\": \"x\"}]}"));

        KindReport kind = sync.resync("""
                resources:
                  - kind: repository
                    port:
                      itemsToParse: .modules
                      entity:
                        mappings:
                          identifier: .item.id
                          blueprint: '"service"'
                """).kinds().getFirst();

        assertThat(kind.mapFailedCount()).isEqualTo(1);
        assertThat(kind.mapErrors().getFirst()).isEqualTo("resources[0].port.itemsToParse (.modules): must yield an array, got \"api\"");
        assertThat(kind.transformedCount()).isEqualTo(1);
    }

    @SyncTest
    void producesAnEntityPerMappingWhenAResourceHasSeveral(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", KindScript.objects(
                "{\"name\": \"a\", \"owner\": \"core\"}", "{\"name\": \"b\", \"owner\": \"edge\"}"));

        KindReport kind = sync.resync("""
                resources:
                  - kind: repository
                    port:
                      entity:
                        mappings:
                          - identifier: .owner
                            blueprint: '"team"'
                          - identifier: .name
                            blueprint: '"service"'
                            relations:
                              team: .owner
                """).kinds().getFirst();

        assertThat(kind.fetchedCount()).isEqualTo(2);
        assertThat(kind.transformedCount()).isEqualTo(4);
        assertThat(kind.ingestedCount()).isEqualTo(4);
        assertThat(sync.identifiers("team")).containsExactly("core", "edge");
        assertThat(sync.get("service", "b").relations().path("team").asText()).isEqualTo("edge");
    }

    @SyncTest
    void stopsARunawayExpressionAtItsDeadline(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).jqTimeout(java.time.Duration.ofMillis(200))
                .script("repository", pages(10, repos("r", 2)));

        KindReport kind = sync.resync(mapping("true", "last(range(1e15)) | tostring")).kinds().getFirst();

        assertThat(kind.fetchedCount()).isEqualTo(2);
        assertThat(kind.mapFailedCount()).isEqualTo(2);
        assertThat(kind.mapErrors().getFirst()).startsWith("resources[0].port.entity.mappings.identifier (last(range(1e15)) | tostring): "
                + "no entity: the identifier must be a non-empty string, but it failed: ");
    }

    @SyncTest
    void takesTheFirstOutputOfALeaf(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", KindScript.objects("{\"names\": [\"first\", \"second\"]}"));

        KindReport kind = sync.resync(mapping("true", ".names[]")).kinds().getFirst();

        assertThat(kind.transformedCount()).isEqualTo(1);
        assertThat(sync.identifiers("service")).containsExactly("first");
    }

    @SyncTest
    void saysAnEntityWithoutBlueprintIsAFailure(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", KindScript.objects("{\"name\": \"a\", \"bp\": \"service\"}",
                "{\"name\": \"b\"}"));

        KindReport kind = sync.resync("""
                resources:
                  - kind: repository
                    port: {entity: {mappings: {identifier: .name, blueprint: .bp}}}
                """).kinds().getFirst();

        assertThat(kind.transformedCount()).isEqualTo(1);
        assertThat(kind.mapFailedCount()).isEqualTo(1);
        assertThat(kind.mapErrors().getFirst())
                .isEqualTo("resources[0].port.entity.mappings.blueprint (.bp): no entity: the blueprint must be a non-empty string, but it gave null");
    }
}
