package dev.portolan.sync.resync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import dev.portolan.sync.testing.KindScript;
import dev.portolan.sync.testing.SyncHarness;
import dev.portolan.sync.testing.SyncTest;

import static dev.portolan.sync.testing.Fixtures.REPOSITORY_MAPPING;
import static dev.portolan.sync.testing.Fixtures.SERVICE;
import static dev.portolan.sync.testing.Fixtures.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A source far larger than a page or a batch, served page by page and never held whole: every
 * object is counted once, and a second resync over changed data updates, keeps and deletes the
 * right numbers. Counts only; how fast and how much memory is the benchmark's business.
 */
class LargeResyncTest {

    private static final int OBJECTS = 50_000;
    private static final int PAGE = 1_000;

    private static ObjectNode repo(long i, int stars) {
        ObjectNode repo = Json.object();
        repo.put("name", "repo-" + i).put("url", "https://git.example.com/repo-" + i).put("stars", stars).put("archived", false);
        return repo;
    }

    @SyncTest
    void syncsFiftyThousandObjectsInPagesAndReconcilesTheChangedSource(SyncHarness sync) {
        sync.blueprint(TEAM).blueprint(SERVICE).batchSize(1_000)
                .script("repository", KindScript.generated(OBJECTS, PAGE, i -> repo(i, 1)));

        SyncReport cold = sync.resync(REPOSITORY_MAPPING);

        KindReport first = cold.kinds().getFirst();
        assertThat(cold.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(first.fetchedCount()).isEqualTo(OBJECTS);
        assertThat(first.transformedCount()).isEqualTo(OBJECTS);
        assertThat(first.ingestedCount()).isEqualTo(OBJECTS);
        assertThat(first.notChangedCount()).isZero();
        assertThat(sync.count("service")).isEqualTo(OBJECTS);

        // The source loses its last 1,000 objects and one in 98 of the others changes.
        sync.script("repository", KindScript.generated(OBJECTS - 1_000, PAGE, i -> repo(i, i % 98 == 0 ? 2 : 1)));

        SyncReport changed = sync.resync(REPOSITORY_MAPPING);

        KindReport second = changed.kinds().getFirst();
        long updated = (OBJECTS - 1_000 + 97) / 98;
        assertThat(changed.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(second.fetchedCount()).isEqualTo(OBJECTS - 1_000);
        assertThat(second.ingestedCount()).isEqualTo(updated);
        assertThat(second.notChangedCount()).isEqualTo(OBJECTS - 1_000 - updated);
        assertThat(changed.reconciliation().deletedCount()).isEqualTo(1_000);
        assertThat(sync.count("service")).isEqualTo(OBJECTS - 1_000);
        assertThat(sync.entity("service", "repo-" + (OBJECTS - 1))).isEmpty();
        assertThat(sync.get("service", "repo-98").properties().path("stars").asInt()).isEqualTo(2);
    }
}
