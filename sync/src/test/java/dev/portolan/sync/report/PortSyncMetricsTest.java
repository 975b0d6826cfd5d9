package dev.portolan.sync.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** A stored report in the shape of Port's {@code GET /v1/integration/{id}/syncMetrics}. */
class PortSyncMetricsTest {

    private static long count(JsonNode entry, String phase, String type) {
        JsonNode node = entry.path("metrics").path("phase").path(phase).path("object_count_type").path(type).path("object_count");
        assertThat(node.isNumber()).as(phase + "/" + type + " in " + entry).isTrue();
        return node.asLong();
    }

    @SyncTest
    void showsEachResourceAndReconciliationInPortsShape(SyncHarness sync) {
        String mapping = "entityDeletionThreshold: 1\n" + REPOSITORY_MAPPING.replace("query: 'true'", "query: .archived == false") + """
                  - kind: repository
                    port:
                      entity:
                        mappings:
                          identifier: .name | ascii_downcase
                          blueprint: '"team"'
                """;
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", pages(2, repos("r", 4)));
        sync.resync(mapping);
        sync.script("repository", pages(2, repo("r0"), repo("r1", 7), repo("x").put("archived", true), repo("bad").put("stars", "many"),
                repo("n").put("name", 5)));
        SyncReport report = sync.resync(mapping);

        ObjectNode response = PortSyncMetrics.of(report.toJson(), "scripted");

        assertThat(response.path("ok").asBoolean()).isTrue();
        JsonNode data = response.path("data");
        assertThat(response.path("count").asInt()).isEqualTo(3).isEqualTo(data.size());
        assertThat(data.findValuesAsText("kindIdentifier")).containsExactly("repository-0", "repository-1", "__reconciliation__");
        JsonNode services = data.get(0);
        assertThat(services.path("kind").asText()).isEqualTo("repository");
        assertThat(services.path("kindIndex").asInt()).isZero();
        assertThat(services.path("syncState").asText()).isEqualTo("completed");
        assertThat(services.path("eventId").asText()).isEqualTo(report.resyncId());
        assertThat(services.path("integrationIdentifier").asText()).isEqualTo("scripted-1");
        assertThat(services.path("integrationType").asText()).isEqualTo("scripted");
        assertThat(count(services, "extract", "raw_extracted")).isEqualTo(5);
        assertThat(count(services, "extract", "failed")).isZero();
        assertThat(count(services, "transform", "transformed")).isEqualTo(3);
        assertThat(count(services, "transform", "filtered_out")).isEqualTo(1);
        assertThat(count(services, "transform", "failed")).as("the name 5 is no identifier").isEqualTo(1);
        assertThat(count(services, "load", "loaded")).as("r1 changed").isEqualTo(1);
        assertThat(count(services, "load", "skipped")).isEqualTo(1);
        assertThat(count(services, "load", "failed")).isEqualTo(1);
        assertThat(count(services, "delete", "deleted")).isZero();
        assertThat(services.path("metrics").path("phase").path("resync").path("success").asInt()).as("an ingest failed").isZero();
        assertThat(services.path("metrics").path("phase").path("resync").path("duration_seconds").isNumber()).isTrue();

        JsonNode teams = data.get(1);
        assertThat(teams.path("kindIndex").asInt()).isEqualTo(1);
        assertThat(count(teams, "transform", "failed")).as("the name 5 cannot be downcased").isEqualTo(1);
        assertThat(count(teams, "load", "loaded")).isEqualTo(2);
        assertThat(count(teams, "load", "skipped")).isEqualTo(2);

        JsonNode reconciliation = data.get(2);
        assertThat(reconciliation.path("kind").asText()).isEqualTo("__reconciliation__");
        assertThat(count(reconciliation, "delete", "deleted")).as("services r2, r3 and teams r2, r3").isEqualTo(4);
        assertThat(count(reconciliation, "delete", "failed")).isZero();
        assertThat(count(reconciliation, "load", "loaded")).isZero();
        assertThat(count(reconciliation, "load", "failed")).isZero();
        assertThat(reconciliation.path("metrics").path("phase").path("resync").path("success").asInt()).isEqualTo(1);
    }

    @SyncTest
    void showsAFailedFetchAsFailedAndTheSkippedDeletionAsUnsuccessful(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", KindScript.empty().failingAt(0, "401"));

        ObjectNode response = PortSyncMetrics.of(sync.resync(REPOSITORY_MAPPING).toJson(), "scripted");

        JsonNode kind = response.path("data").get(0);
        assertThat(kind.path("syncState").asText()).isEqualTo("failed");
        assertThat(count(kind, "extract", "raw_extracted")).isZero();
        assertThat(count(kind, "extract", "failed")).isEqualTo(1);
        assertThat(kind.path("metrics").path("phase").path("resync").path("success").asInt()).isZero();
        JsonNode reconciliation = response.path("data").get(1);
        assertThat(reconciliation.path("metrics").path("phase").path("resync").path("success").asInt()).isZero();
    }
}
