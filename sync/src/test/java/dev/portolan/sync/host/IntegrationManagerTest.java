package dev.portolan.sync.host;

import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.integration.SyncRecord;
import dev.portolan.sync.mapping.MappingParser;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import dev.portolan.sync.spi.FetchContext;
import dev.portolan.sync.testing.Gate;
import dev.portolan.sync.testing.KindScript;
import dev.portolan.sync.testing.SyncHarness;
import dev.portolan.sync.testing.SyncTest;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.portolan.catalog.TestJson.at;
import static dev.portolan.catalog.TestJson.refusal;
import static dev.portolan.sync.testing.Fixtures.REPOSITORY_MAPPING;
import static dev.portolan.sync.testing.Fixtures.SERVICE;
import static dev.portolan.sync.testing.Fixtures.TEAM;
import static dev.portolan.sync.testing.Fixtures.pages;
import static dev.portolan.sync.testing.Fixtures.repos;
import static org.assertj.core.api.Assertions.assertThat;

/** Installing, changing and uninstalling: validated before anything is stored, the first resync on install. */
class IntegrationManagerTest {

    private static final String TEAMS_MAPPING = """
            resources:
              - kind: team
                port: {entity: {mappings: {identifier: .name, blueprint: '"team"'}}}
            """;

    /** Waits (without sleeping) until the resync that made {@code context} is told to stop. */
    private static void awaitCancelled(FetchContext context) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!context.cancelled().getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("the resync was never told to stop");
            Thread.onSpinWait();
        }
    }

    private static InstallRequest request(String identifier, String mappingYaml) {
        return new InstallRequest(identifier, "scripted", null, null, mappingYaml == null ? null : MappingParser.readYaml(mappingYaml), 0);
    }

    @SyncTest
    void installingCreatesTheMissingDefaultBlueprintsSavesTheDefaultMappingAndResyncs(SyncHarness sync) {
        sync.integration().defaults("[" + TEAM + ", " + SERVICE + "]", REPOSITORY_MAPPING);
        sync.blueprint("{\"identifier\": \"team\", \"title\": \"Our teams\", \"schema\": {\"properties\": {}}}");
        sync.script("repository", pages(2, repos("r", 3)));

        Installation installed = sync.manager().install(request("git-1", null));

        List<SyncRecord> reports = sync.installations().awaitFinishedReports("git-1", 1);
        assertThat(reports.getFirst().state()).isEqualTo("completed");
        assertThat(reports.getFirst().report().path("trigger").asText()).isEqualTo("install");
        assertThat(sync.catalog().blueprints().get("team").title()).as("existing blueprints are kept").isEqualTo("Our teams");
        assertThat(sync.catalog().blueprints().get("service").title()).isEqualTo("Service");
        assertThat(installed.config()).isEqualTo(MappingParser.readYaml(REPOSITORY_MAPPING));
        assertThat(sync.manager().get("git-1").type()).isEqualTo("scripted");
        assertThat(sync.identifiers("service")).containsExactly("r0", "r1", "r2");
        assertThat(sync.get("service", "r0").datasource()).isEqualTo("git-1");
    }

    @SyncTest
    void refusesAnInvalidMappingOnInstallAndStoresNothing(SyncHarness sync) {
        sync.integration().defaults("[" + TEAM + "]", TEAMS_MAPPING);

        CatalogException refused = refusal(() -> sync.manager().install(request("git-1", """
                resources:
                  - kind: repo
                    port: {entity: {mappings: {identifier: .name, blueprint: '"team"'}}}
                """)));

        assertThat(at(refused.violations(), "resources[0].kind").message()).startsWith("unknown kind 'repo'");
        assertThat(sync.installations().find("git-1")).isEmpty();
        assertThat(sync.catalog().blueprints().list()).isEmpty();
    }

    @SyncTest
    void refusesABadMappingChangeAndKeepsTheOldMapping(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE);
        sync.manager().install(request("git-1", REPOSITORY_MAPPING));
        sync.installations().awaitFinishedReports("git-1", 1);

        CatalogException refused = refusal(() -> sync.manager().updateConfig("git-1", MappingParser.readYaml("""
                entityDeletionThreshold: 3
                resources:
                  - kind: repository
                    port: {entity: {mappings: {identifier: '.name |', blueprint: '"service"'}}}
                """)));

        assertThat(refused.violations()).extracting(v -> v.path())
                .containsExactlyInAnyOrder("entityDeletionThreshold", "resources[0].port.entity.mappings.identifier");
        assertThat(sync.manager().get("git-1").config()).isEqualTo(MappingParser.readYaml(REPOSITORY_MAPPING));

        sync.manager().updateConfig("git-1", MappingParser.readYaml(TEAMS_MAPPING));
        assertThat(sync.manager().mapping("git-1").resources().getFirst().kind()).isEqualTo("team");
    }

    @SyncTest
    void refusesASecondInstallationWithTheSameIdentifier(SyncHarness sync) {
        sync.blueprint(TEAM);
        sync.manager().install(request("git-1", TEAMS_MAPPING));

        CatalogException refused = refusal(() -> sync.manager().install(request("git-1", TEAMS_MAPPING)));

        assertThat(refused.problem()).isEqualTo(CatalogException.Problem.CONFLICT);
        sync.installations().awaitFinishedReports("git-1", 1);
    }

    @SyncTest
    void uninstallingKeepsTheEntitiesUnlessAskedToDeleteThem(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE)
                .script("repository", pages(2, repos("r", 3)))
                .script("team", KindScript.objects("{\"name\": \"core\"}", "{\"name\": \"edge\"}"));
        sync.manager().install(request("services", REPOSITORY_MAPPING));
        sync.manager().install(request("teams", TEAMS_MAPPING));
        sync.installations().awaitFinishedReports("services", 1);
        sync.installations().awaitFinishedReports("teams", 1);

        int deleted = sync.manager().uninstall("services", true);
        int kept = sync.manager().uninstall("teams", false);

        assertThat(deleted).isEqualTo(3);
        assertThat(kept).isZero();
        assertThat(sync.identifiers("service")).isEmpty();
        assertThat(sync.identifiers("team")).containsExactly("core", "edge");
        assertThat(sync.manager().list()).isEmpty();
        assertThat(sync.installations().reports("services", 10)).isEmpty();
    }

    @SyncTest
    void createsDefaultBlueprintsThatPointAtEachOther(SyncHarness sync) {
        sync.integration().defaults("""
                [{"identifier": "owner", "title": "Owner", "schema": {"properties": {}},
                  "relations": {"favourite": {"title": "Favourite", "target": "repo", "required": false, "many": false}}},
                 {"identifier": "repo", "title": "Repo", "schema": {"properties": {"url": {"type": "string"}}},
                  "relations": {"owner": {"title": "Owner", "target": "owner", "required": true, "many": false}}}]""", TEAMS_MAPPING);
        sync.blueprint(TEAM);

        sync.manager().install(request("git-1", null));
        sync.installations().awaitFinishedReports("git-1", 1);

        assertThat(sync.catalog().blueprints().get("owner").relations().get("favourite").target()).isEqualTo("repo");
        assertThat(sync.catalog().blueprints().get("repo").relations().get("owner").required()).isTrue();
        assertThat(sync.catalog().blueprints().get("repo").properties().definition("url")).isNotNull();
    }

    @SyncTest
    void uninstallingAbortsTheRunningResyncFirst(SyncHarness sync) throws Exception {
        sync.blueprint(TEAM).blueprint(SERVICE);
        Gate gate = new Gate();
        sync.script("repository", pages(2, repos("r", 6)).blockingAt(1, gate));
        sync.manager().install(request("git-1", REPOSITORY_MAPPING));
        gate.awaitReached();
        SyncReport running = sync.launcher().running("git-1").orElseThrow();

        CompletableFuture<Integer> uninstalled = CompletableFuture.supplyAsync(() -> sync.manager().uninstall("git-1", false));
        awaitCancelled(sync.integration().lastContext("repository"));
        gate.open();

        assertThat(uninstalled.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(running.state()).isEqualTo(SyncState.ABORTED);
        assertThat(sync.manager().list()).isEmpty();
        assertThat(sync.launcher().running("git-1")).isEmpty();
        assertThat(sync.identifiers("service")).as("the first page was still in the ingest buffer").isEmpty();
        assertThat(sync.installations().reports("git-1", 10)).as("gone with the installation").isEmpty();
    }
}
