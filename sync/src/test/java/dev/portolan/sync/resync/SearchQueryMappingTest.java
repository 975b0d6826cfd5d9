package dev.portolan.sync.resync;

import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.testing.KindScript;
import dev.portolan.sync.testing.SyncHarness;
import dev.portolan.sync.testing.SyncTest;

import static dev.portolan.sync.testing.Fixtures.SERVICE;
import static dev.portolan.sync.testing.Fixtures.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

/** Identifiers and relations given as search queries find entities by their properties. */
class SearchQueryMappingTest {

    private static final String BY_URL = """
            resources:
              - kind: repository
                port:
                  entity:
                    mappings:
                      identifier:
                        combinator: and
                        rules:
                          - property: url
                            operator: '='
                            value: .url
                      blueprint: '"service"'
                      properties:
                        stars: .stars
            """;

    @SyncTest
    void updatesTheEntityASearchQueryIdentifierFinds(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE);
        sync.writeByApi("service", "{\"identifier\": \"svc-a\", \"properties\": {\"url\": \"https://git.example.com/a\", \"stars\": 1}}");
        sync.writeByApi("service", "{\"identifier\": \"svc-b\", \"properties\": {\"url\": \"https://git.example.com/b\", \"stars\": 1}}");
        sync.script("repository", KindScript.objects("{\"url\": \"https://git.example.com/a\", \"stars\": 42}"));

        SyncReport report = sync.resync(BY_URL);

        KindReport kind = report.kinds().getFirst();
        assertThat(kind.transformedCount()).isEqualTo(1);
        assertThat(kind.ingestedCount()).isEqualTo(1);
        assertThat(sync.get("service", "svc-a").properties().path("stars").asInt()).isEqualTo(42);
        assertThat(sync.get("service", "svc-a").properties().path("url").asText()).as("merged").isEqualTo("https://git.example.com/a");
        assertThat(sync.get("service", "svc-b").properties().path("stars").asInt()).isEqualTo(1);
        assertThat(sync.identifiers("service")).containsExactly("svc-a", "svc-b");
        assertThat(report.reconciliation().deletedCount()).isZero();
    }

    @SyncTest
    void countsASearchQueryIdentifierThatMatchesNothingAsAnIngestFailure(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE);
        sync.script("repository", KindScript.objects("{\"url\": \"https://git.example.com/nowhere\", \"stars\": 42}"));

        KindReport kind = sync.resync(BY_URL).kinds().getFirst();

        assertThat(kind.ingestFailedCount()).isEqualTo(1);
        assertThat(kind.ingestErrors().getFirst()).startsWith("service: no entity matches the identifier query")
                .contains("https://git.example.com/nowhere");
        assertThat(sync.identifiers("service")).isEmpty();
    }

    @SyncTest
    void resolvesASearchQueryRelationToTheMatchingIdentifier(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE);
        sync.writeByApi("team", "{\"identifier\": \"core\", \"title\": \"Core Team\"}");
        sync.writeByApi("team", "{\"identifier\": \"edge\", \"title\": \"Edge Team\"}");
        sync.script("repository", KindScript.objects("{\"name\": \"a\", \"owner\": \"Core Team\"}", "{\"name\": \"b\", \"owner\": \"Nobody\"}"));

        KindReport kind = sync.resync("""
                resources:
                  - kind: repository
                    port:
                      entity:
                        mappings:
                          identifier: .name
                          blueprint: '"service"'
                          relations:
                            team:
                              combinator: and
                              rules:
                                - property: $title
                                  operator: '='
                                  value: .owner
                """).kinds().getFirst();

        assertThat(kind.ingestedCount()).isEqualTo(2);
        assertThat(sync.get("service", "a").relations().path("team").asText()).isEqualTo("core");
        assertThat(sync.get("service", "b").relations().path("team").isNull()).isTrue();
    }

    @SyncTest
    void countsASearchQueryTheCatalogRefusesForOneObjectAsThatEntitysFailure(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE);
        sync.writeByApi("team", "{\"identifier\": \"core\", \"title\": \"Core Team\"}");
        sync.script("repository", KindScript.objects("{\"name\": \"a\", \"owners\": [\"Core Team\"]}",
                "{\"name\": \"b\", \"owners\": \"not a list\"}", "{\"name\": \"c\", \"owners\": [\"Core Team\"]}"));

        SyncReport report = sync.resync("""
                resources:
                  - kind: repository
                    port:
                      entity:
                        mappings:
                          identifier: .name
                          blueprint: '"service"'
                          relations:
                            team:
                              combinator: and
                              rules:
                                - property: $title
                                  operator: in
                                  value: .owners
                """);

        KindReport kind = report.kinds().getFirst();
        assertThat(report.state()).isEqualTo(dev.portolan.sync.report.SyncState.COMPLETED);
        assertThat(kind.ingestedCount()).isEqualTo(2);
        assertThat(kind.ingestFailedCount()).isEqualTo(1);
        assertThat(kind.ingestErrors().getFirst()).startsWith("service/b: ").contains("needs an array");
        assertThat(sync.get("service", "c").relations().path("team").asText()).isEqualTo("core");
    }
}
