package dev.portolan.sync.resync;

import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import dev.portolan.sync.spi.FetchContext;
import dev.portolan.sync.testing.SyncHarness;
import dev.portolan.sync.testing.SyncTest;

import static dev.portolan.sync.testing.Fixtures.REPOSITORY_MAPPING;
import static dev.portolan.sync.testing.Fixtures.SERVICE;
import static dev.portolan.sync.testing.Fixtures.TEAM;
import static dev.portolan.sync.testing.Fixtures.pages;
import static dev.portolan.sync.testing.Fixtures.repos;
import static org.assertj.core.api.Assertions.assertThat;

/** The fetch stage: objects are counted page by page; a failed fetch counts as failed 1 and keeps what it fetched before. */
class FetchStageTest {

    @SyncTest
    void countsEveryObjectOfEveryPage(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", pages(2, repos("r", 5)));

        SyncReport report = sync.resync(REPOSITORY_MAPPING);

        KindReport kind = report.kinds().getFirst();
        assertThat(report.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(kind.kindIdentifier()).isEqualTo("repository-0");
        assertThat(kind.fetchedCount()).isEqualTo(5);
        assertThat(kind.fetchFailedCount()).isZero();
        assertThat(kind.transformedCount()).isEqualTo(5);
        assertThat(kind.ingestedCount()).isEqualTo(5);
        assertThat(sync.identifiers("service")).containsExactly("r0", "r1", "r2", "r3", "r4");
    }

    @SyncTest
    void countsAFailedFetchAsFailedOne(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", pages(2, repos("r", 5)).failingAt(0, "401 Bad credentials"));

        SyncReport report = sync.resync(REPOSITORY_MAPPING);

        KindReport kind = report.kinds().getFirst();
        assertThat(kind.fetchFailedCount()).isEqualTo(1);
        assertThat(kind.fetchedCount()).isZero();
        assertThat(kind.fetchError()).isEqualTo("401 Bad credentials");
        assertThat(kind.complete()).isFalse();
        assertThat(report.state()).isEqualTo(SyncState.FAILED);
        assertThat(report.toJson().path("kinds").get(0).path("fetch").path("failed").asInt()).isEqualTo(1);
        assertThat(report.toJson().path("tips").toString()).contains("'repository-0': fetching failed (401 Bad credentials)",
                "Check the integration's credentials");
    }

    @SyncTest
    void aFetchThatFailsPartWayReportsWhatItFetchedAndIngestedBeforeConsistently(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).script("repository", pages(2, repos("r", 5)).failingAt(2, "connection reset"));
        sync.resync(REPOSITORY_MAPPING); // the first run stores the four objects fetched before the failure

        SyncReport report = sync.resync(REPOSITORY_MAPPING);

        KindReport kind = report.kinds().getFirst();
        assertThat(kind.fetchFailedCount()).isEqualTo(1);
        assertThat(kind.fetchedCount()).as("two full pages came before the failure").isEqualTo(4);
        assertThat(kind.transformedCount() + kind.filteredOutCount()).isEqualTo(kind.fetchedCount());
        assertThat(kind.ingestedCount() + kind.notChangedCount() + kind.ingestFailedCount()).isEqualTo(kind.transformedCount());
        assertThat(kind.notChangedCount()).isEqualTo(4);
        assertThat(report.toJson().path("kinds").get(0).path("fetch").path("fetched").asLong()).isEqualTo(4);
        assertThat(report.state()).isEqualTo(SyncState.FAILED);
        assertThat(sync.identifiers("service")).containsExactly("r0", "r1", "r2", "r3");
    }

    @SyncTest
    void tellsToCheckCredentialsWhenNothingWasFetched(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE);

        SyncReport report = sync.resync(REPOSITORY_MAPPING);

        assertThat(report.kinds().getFirst().fetchedCount()).isZero();
        assertThat(report.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(report.toJson().path("tips").toString()).contains("'repository-0': nothing was fetched");
    }

    @SyncTest
    void givesTheFetcherTheSelectorWithTheIntegrationsOwnFields(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE);

        sync.resync(REPOSITORY_MAPPING.replace("query: 'true'", "query: 'true'\n      includedFiles: [README.md, docs/*.md]"));

        FetchContext context = sync.integration().lastContext("repository");
        assertThat(context.integration()).isEqualTo(SyncHarness.INTEGRATION);
        assertThat(context.selector().path("query").asText()).isEqualTo("true");
        assertThat(context.selector().path("includedFiles").toString()).isEqualTo("[\"README.md\",\"docs/*.md\"]");
        assertThat(context.cancelled().getAsBoolean()).isFalse();
    }
}
