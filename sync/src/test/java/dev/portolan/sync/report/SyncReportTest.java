package dev.portolan.sync.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.sync.testing.KindScript;
import dev.portolan.sync.testing.SyncHarness;
import dev.portolan.sync.testing.SyncTest;

import static dev.portolan.sync.testing.Fixtures.REPOSITORY_MAPPING;
import static dev.portolan.sync.testing.Fixtures.SERVICE;
import static dev.portolan.sync.testing.Fixtures.TEAM;
import static dev.portolan.sync.testing.Fixtures.pages;
import static dev.portolan.sync.testing.Fixtures.repo;
import static dev.portolan.sync.testing.Fixtures.repos;
import static org.assertj.core.api.Assertions.assertThat;

/** The report as the Sync Status page reads it: per kind and stage, reconciliation, tips in the order to check them. */
class SyncReportTest {

    @SyncTest
    void describesEveryStageOfEveryKindAndTheReconciliation(SyncHarness sync) {
        String mapping = "entityDeletionThreshold: 1\n" + REPOSITORY_MAPPING.replace("query: 'true'", "query: .archived == false") + """
                  - kind: team
                    port: {entity: {mappings: {identifier: .name, blueprint: '"team"'}}}
                """;
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", pages(2, repos("r", 3)));
        sync.resync(mapping);
        sync.script("repository", pages(2, repo("r0"), repo("r1", 9), repo("x").put("archived", true), repo("bad").put("stars", "many"),
                repo("n").put("name", 5)))
                .script("team", KindScript.empty().failingAt(0, "403 Forbidden"));

        SyncReport report = sync.resync(mapping);
        JsonNode json = report.toJson();

        assertThat(json.path("resyncId").asText()).isEqualTo(report.resyncId());
        assertThat(json.path("integration").asText()).isEqualTo(SyncHarness.INTEGRATION);
        assertThat(json.path("trigger").asText()).isEqualTo("manual");
        assertThat(json.path("state").asText()).isEqualTo("failed");
        assertThat(json.path("startedAt").asText()).isEqualTo(report.startedAt().toString());
        assertThat(json.has("finishedAt")).isTrue();
        JsonNode services = json.path("kinds").get(0);
        assertThat(services.path("kindIdentifier").asText()).isEqualTo("repository-0");
        assertThat(services.path("fetch").path("fetched").asLong()).isEqualTo(5);
        assertThat(services.path("fetch").path("failed").asLong()).isZero();
        assertThat(services.path("map").path("transformed").asLong()).isEqualTo(3);
        assertThat(services.path("map").path("filteredOut").asLong()).isEqualTo(1);
        assertThat(services.path("map").path("failed").asLong()).isEqualTo(1);
        assertThat(services.path("map").path("errors").get(0).asText()).startsWith("resources[0].port.entity.mappings.identifier (.name)");
        assertThat(services.path("ingest").path("ingested").asLong()).isEqualTo(1);
        assertThat(services.path("ingest").path("notChanged").asLong()).isEqualTo(1);
        assertThat(services.path("ingest").path("failed").asLong()).isEqualTo(1);
        assertThat(services.path("ingest").path("errors").get(0).asText()).startsWith("service/bad: ");
        assertThat(services.path("durationSeconds").isNumber()).isTrue();
        assertThat(services.path("complete").asBoolean()).isTrue();
        JsonNode teams = json.path("kinds").get(1);
        assertThat(teams.path("fetch").path("failed").asLong()).isEqualTo(1);
        assertThat(teams.path("fetch").path("error").asText()).isEqualTo("403 Forbidden");
        assertThat(teams.path("complete").asBoolean()).isFalse();
        JsonNode reconciliation = json.path("reconciliation");
        assertThat(reconciliation.path("kindIdentifier").asText()).isEqualTo("__reconciliation__");
        assertThat(reconciliation.path("ingestRetry").path("reingested").asLong()).isZero();
        assertThat(reconciliation.path("delete").path("deleted").asLong()).isZero();
        assertThat(reconciliation.path("delete").path("skipped").asText()).contains("'team-1' did not complete");
        assertThat(json.path("tips").size()).isEqualTo(4);
        assertThat(json.path("tips").get(0).asText()).startsWith("'repository-0': 1 object(s) could not be mapped");
        assertThat(json.path("tips").get(1).asText()).startsWith("'repository-0': 1 entit(y/ies) were refused by the catalog");
        assertThat(json.path("tips").get(2).asText()).startsWith("'team-1': fetching failed (403 Forbidden)");
        assertThat(json.path("tips").get(3).asText()).startsWith("Deletion of stale entities was skipped: resource 'team-1'");
        // The same tips, each placed at the stage it concerns (the Sync Status page shows them there).
        assertThat(json.path("troubleshooting")).extracting(t -> t.path("kindIdentifier").asText("") + "/" + t.path("stage").asText())
                .containsExactly("repository-0/map", "repository-0/ingest", "team-1/fetch", "/reconciliation");
        assertThat(json.path("troubleshooting").get(2).path("message").asText()).startsWith("fetching failed (403 Forbidden)");
    }

    @SyncTest
    void hasNoTipsWhenEverythingWentWell(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", pages(2, repos("r", 3)));

        SyncReport report = sync.resync(REPOSITORY_MAPPING);

        assertThat(report.toJson().path("tips").isEmpty()).isTrue();
        assertThat(report.toJson().path("state").asText()).isEqualTo("completed");
    }
}
