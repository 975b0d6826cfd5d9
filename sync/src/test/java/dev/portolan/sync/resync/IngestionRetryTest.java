package dev.portolan.sync.resync;

import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import dev.portolan.sync.testing.KindScript;
import dev.portolan.sync.testing.SyncHarness;
import dev.portolan.sync.testing.SyncTest;

import static dev.portolan.sync.testing.Fixtures.SERVICE;
import static dev.portolan.sync.testing.Fixtures.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

/** Relations to entities that do not exist yet: the ingestion retry, or placeholders. */
class IngestionRetryTest {

    private static final String SERVICES_THEN_TEAMS = """
            createMissingRelatedEntities: %s
            resources:
              - kind: repository
                port:
                  entity:
                    mappings:
                      identifier: .name
                      blueprint: '"service"'
                      relations:
                        team: .owner
              - kind: team
                port:
                  entity:
                    mappings:
                      identifier: .name
                      blueprint: '"team"'
            """;

    /** Groups form a hierarchy: each may have a parent group. */
    private static final String GROUP = """
            {"identifier": "group", "title": "Group", "schema": {"properties": {}},
             "relations": {"parent": {"title": "Parent", "target": "group", "required": false, "many": false}}}""";

    /** Groups come from three kinds, in this order: issue, pull-request, team. */
    private static final String GROUPS_FROM_THREE_KINDS = """
            createMissingRelatedEntities: false
            resources:
              - kind: issue
                port: {entity: {mappings: {identifier: .name, blueprint: '"group"', relations: {parent: .parent}}}}
              - kind: pull-request
                port: {entity: {mappings: {identifier: .name, blueprint: '"group"', relations: {parent: .parent}}}}
              - kind: team
                port: {entity: {mappings: {identifier: .name, blueprint: '"group"', relations: {parent: .parent}}}}
            """;

    @SyncTest
    void retriesEntitiesWhoseTargetsArriveLaterInTheSameSync(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE)
                .script("repository", KindScript.objects("{\"name\": \"a\", \"owner\": \"core\"}", "{\"name\": \"b\", \"owner\": \"core\"}"))
                .script("team", KindScript.objects("{\"name\": \"core\"}"));

        SyncReport report = sync.resync(SERVICES_THEN_TEAMS.formatted("false"));

        KindReport services = report.kinds().getFirst();
        assertThat(services.ingestFailedCount()).isEqualTo(2);
        assertThat(services.ingestErrors().getFirst()).startsWith("service/a: ").contains("relation 'team' points at 'core'");
        assertThat(report.reconciliation().reingestedCount()).isEqualTo(2);
        assertThat(report.reconciliation().reingestFailedCount()).isZero();
        assertThat(report.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(sync.get("service", "a").relations().path("team").asText()).isEqualTo("core");
        assertThat(sync.identifiers("team")).containsExactly("core");
        assertThat(report.toJson().path("reconciliation").path("ingestRetry").path("reingested").asInt()).isEqualTo(2);

        SyncReport again = sync.resync(SERVICES_THEN_TEAMS.formatted("false"));

        assertThat(again.kinds()).extracting(KindReport::ingestFailedCount).containsExactly(0L, 0L);
        assertThat(again.kinds()).extracting(KindReport::notChangedCount).containsExactly(2L, 1L);
        assertThat(again.reconciliation().reingestedCount()).isZero();
    }

    @SyncTest
    void retriesTargetsBeforeTheEntitiesPointingAtThem(SyncHarness sync) {
        sync.blueprint(GROUP)
                .script("issue", KindScript.objects("{\"name\": \"c\", \"parent\": \"b\"}"))
                .script("pull-request", KindScript.objects("{\"name\": \"b\", \"parent\": \"a\"}"))
                .script("team", KindScript.objects("{\"name\": \"a\"}"));

        SyncReport report = sync.resync(GROUPS_FROM_THREE_KINDS);

        assertThat(report.kinds()).extracting(KindReport::ingestFailedCount).containsExactly(1L, 1L, 0L);
        // Queued as c, b; retried as b, then c (c would fail again before b exists).
        assertThat(report.reconciliation().reingestedCount()).isEqualTo(2);
        assertThat(report.reconciliation().reingestFailedCount()).isZero();
        assertThat(sync.get("group", "c").relations().path("parent").asText()).isEqualTo("b");
        assertThat(sync.get("group", "b").relations().path("parent").asText()).isEqualTo("a");
    }

    @SyncTest
    void retriesACycleAsItComes(SyncHarness sync) {
        sync.blueprint(GROUP)
                .script("issue", KindScript.objects("{\"name\": \"x\", \"parent\": \"y\"}"))
                .script("pull-request", KindScript.objects("{\"name\": \"y\", \"parent\": \"x\"}"));

        SyncReport report = sync.resync(GROUPS_FROM_THREE_KINDS);

        assertThat(report.kinds()).extracting(KindReport::ingestFailedCount).containsExactly(1L, 1L, 0L);
        assertThat(report.reconciliation().reingestedCount()).isEqualTo(2);
        assertThat(report.reconciliation().reingestFailedCount()).isZero();
        assertThat(sync.get("group", "x").relations().path("parent").asText()).isEqualTo("y");
        assertThat(sync.get("group", "y").relations().path("parent").asText()).isEqualTo("x");
    }

    @SyncTest
    void countsEntitiesWhoseTargetsNeverArriveAsFailedAgain(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE)
                .script("repository", KindScript.objects("{\"name\": \"a\", \"owner\": \"ghost\"}", "{\"name\": \"b\", \"owner\": \"core\"}"))
                .script("team", KindScript.objects("{\"name\": \"core\"}"));

        SyncReport report = sync.resync(SERVICES_THEN_TEAMS.formatted("false"));

        assertThat(report.reconciliation().reingestedCount()).isEqualTo(1);
        assertThat(report.reconciliation().reingestFailedCount()).isEqualTo(1);
        assertThat(sync.identifiers("service")).containsExactly("b");
        assertThat(report.toJson().path("tips").toString())
                .contains("1 entit(y/ies) still point at related entities that do not exist");
        assertThat(sync.events().lines().toString()).contains("retry failed for service/a");
    }

    @SyncTest
    void doesNotRetryEntitiesThatFailedForAnotherReason(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE)
                .script("repository", KindScript.objects("{\"name\": \"a\", \"owner\": \"core\", \"stars\": \"x\"}"))
                .script("team", KindScript.objects("{\"name\": \"core\"}"));

        SyncReport report = sync.resync("""
                createMissingRelatedEntities: false
                resources:
                  - kind: repository
                    port: {entity: {mappings: {identifier: .name, blueprint: '"service"', properties: {stars: .stars}, relations: {team: .owner}}}}
                  - kind: team
                    port: {entity: {mappings: {identifier: .name, blueprint: '"team"'}}}
                """);

        assertThat(report.kinds().getFirst().ingestFailedCount()).isEqualTo(1);
        assertThat(report.reconciliation().reingestedCount()).isZero();
        assertThat(report.reconciliation().reingestFailedCount()).isZero();
    }

    @SyncTest
    void createsPlaceholdersWithCreateMissingRelatedEntities(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE)
                .script("repository", KindScript.objects("{\"name\": \"a\", \"owner\": \"core\"}"));

        SyncReport report = sync.resync(SERVICES_THEN_TEAMS.formatted("true"));

        assertThat(report.kinds().getFirst().ingestedCount()).isEqualTo(1);
        assertThat(report.kinds().getFirst().ingestFailedCount()).isZero();
        assertThat(report.reconciliation().reingestedCount()).isZero();
        assertThat(sync.identifiers("team")).containsExactly("core");
        assertThat(sync.get("service", "a").relations().path("team").asText()).isEqualTo("core");
    }

    @SyncTest
    void keepsThePlaceholdersItsEntitiesPointAtOnTheNextResync(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE)
                .script("repository", KindScript.objects("{\"name\": \"a\", \"owner\": \"core\"}"));
        sync.resync(SERVICES_THEN_TEAMS.formatted("true"));
        int auditRows = sync.integrationAudit().size();

        SyncReport second = sync.resync(SERVICES_THEN_TEAMS.formatted("true"));

        assertThat(second.kinds().getFirst().notChangedCount()).isEqualTo(1);
        assertThat(sync.identifiers("team")).containsExactly("core");
        assertThat(sync.get("service", "a").relations().path("team").asText()).isEqualTo("core");
        assertThat(second.reconciliation().deletedCount()).isZero();
        assertThat(sync.integrationAudit()).hasSize(auditRows);
    }

    @SyncTest
    void retriesWithinOneResourceWhenTheTargetCameInALaterBatch(SyncHarness sync) {
        sync.blueprint(GROUP).batchSize(1)
                .script("issue", KindScript.objects("{\"name\": \"child\", \"parent\": \"root\"}", "{\"name\": \"root\"}"));

        SyncReport report = sync.resync(GROUPS_FROM_THREE_KINDS);

        assertThat(report.kinds().getFirst().ingestFailedCount()).isEqualTo(1);
        assertThat(report.kinds().getFirst().ingestedCount()).isEqualTo(1);
        assertThat(report.reconciliation().reingestedCount()).isEqualTo(1);
        assertThat(sync.get("group", "child").relations().path("parent").asText()).isEqualTo("root");
    }

    @SyncTest
    void resolvesReferencesInsideOneBatchWithoutARetry(SyncHarness sync) {
        sync.blueprint(GROUP)
                .script("issue", KindScript.objects("{\"name\": \"child\", \"parent\": \"root\"}", "{\"name\": \"root\"}"));

        SyncReport report = sync.resync(GROUPS_FROM_THREE_KINDS);

        assertThat(report.kinds().getFirst().ingestFailedCount()).isZero();
        assertThat(report.kinds().getFirst().ingestedCount()).isEqualTo(2);
        assertThat(report.reconciliation().reingestedCount()).isZero();
    }
}
