package dev.portolan.sync.resync;

import dev.portolan.sync.host.ResyncLauncher;
import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import dev.portolan.sync.testing.SyncHarness;
import dev.portolan.sync.testing.SyncTest;

import java.util.concurrent.TimeUnit;

import static dev.portolan.sync.testing.Fixtures.REPOSITORY_MAPPING;
import static dev.portolan.sync.testing.Fixtures.SERVICE;
import static dev.portolan.sync.testing.Fixtures.TEAM;
import static dev.portolan.sync.testing.Fixtures.pages;
import static dev.portolan.sync.testing.Fixtures.repos;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resync survives anything a mapping or a fetcher does: an expression that would build without
 * bound stops at jq's allocation limit, and even an {@link Error} fails only its resource. The
 * resync ends {@code failed} with the reason, deletes nothing, and the next resync runs.
 */
class RunawayMappingTest {

    private static final String ID = SyncHarness.INTEGRATION;
    private static final String RUNAWAY_IDENTIFIER = REPOSITORY_MAPPING.replace("identifier: .name",
            "identifier: '[limit(33; \"x\" | recurse(. + .))] | length | tostring'");

    private static SyncReport finished(ResyncLauncher.Started started) throws Exception {
        return started.done().get(120, TimeUnit.SECONDS);
    }

    @SyncTest
    void anExpressionThatBuildsWithoutBoundFailsTheResourceWithTheReasonAndTheNextResyncRuns(SyncHarness sync) throws Exception {
        sync.blueprint(TEAM).blueprint(SERVICE).install(ID, RUNAWAY_IDENTIFIER, 0);
        sync.script("repository", pages(2, repos("r", 3)));

        SyncReport report = finished(sync.launcher().start(ID, "manual"));

        KindReport kind = report.kinds().getFirst();
        assertThat(report.state()).isEqualTo(SyncState.FAILED);
        assertThat(kind.complete()).isFalse();
        assertThat(kind.mapErrors().getFirst()).contains("characters and elements in total");
        assertThat(sync.count("service")).isZero();

        sync.installations().save(sync.installations().find(ID).orElseThrow()
                .withConfig((com.fasterxml.jackson.databind.node.ObjectNode) dev.portolan.sync.mapping.MappingParser.readYaml(REPOSITORY_MAPPING),
                        sync.clock().instant()));
        assertThat(finished(sync.launcher().start(ID, "manual")).state()).isEqualTo(SyncState.COMPLETED);
        assertThat(sync.count("service")).isEqualTo(3);
    }

    @SyncTest
    void anErrorThrownDuringAResourceFailsItAloneAndTheResyncEndsFailedAndTheNextRuns(SyncHarness sync) throws Exception {
        sync.blueprint(TEAM).blueprint(SERVICE).install(ID, REPOSITORY_MAPPING, 0);
        sync.script("repository", pages(2, repos("r", 6)));
        assertThat(finished(sync.launcher().start(ID, "install")).state()).isEqualTo(SyncState.COMPLETED);

        for (Error error : new Error[] {new OutOfMemoryError("Java heap space"), new StackOverflowError(), new AssertionError("boom")}) {
            sync.script("repository", pages(1, repos("r", 3)).onPage(1, () -> {
                throw error;
            }));

            SyncReport report = finished(sync.launcher().start(ID, "manual"));

            assertThat(report.state()).as(error.toString()).isEqualTo(SyncState.FAILED);
            assertThat(report.kinds().getFirst().complete()).isFalse();
            assertThat(report.kinds().getFirst().mapErrors().getFirst()).contains("the resource stopped: " + error.getClass().getName());
            assertThat(report.toJson().path("failure").asText()).contains("resource 'repository-0' did not complete")
                    .contains(error.getClass().getName());
            assertThat(report.reconciliation().deletedCount()).isZero();
            assertThat(sync.installations().report(ID, report.resyncId()).orElseThrow().state()).isEqualTo("failed");
            assertThat(sync.launcher().running(ID)).isEmpty();
        }
        assertThat(sync.count("service")).as("nothing deleted while a resource failed").isEqualTo(6);

        sync.script("repository", pages(2, repos("r", 6)));
        assertThat(finished(sync.launcher().start(ID, "manual")).state()).isEqualTo(SyncState.COMPLETED);
    }
}
