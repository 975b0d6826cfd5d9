package dev.portolan.store;

import dev.portolan.catalog.search.SearchRequest;
import dev.portolan.catalog.search.SearchSort;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.StoreTest;
import dev.portolan.store.testing.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static dev.portolan.store.StoreReads.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A version 10 database loses the indexes that ordered every blueprint's entities by title and time;
 * pages sorted by them answer as before, and the first one builds the blueprint's own index.
 */
class Version11MigrationTest {

    @StoreTest
    void theSortIndexesOfAllBlueprintsGoAndSortedPagesAnswerAsBefore(TestDatabase database) throws SQLException {
        boolean sqlite = Fixtures.migratedTo(database, "10") instanceof SqliteDialect;
        String sortIndexes = sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'entities_sort_%'"
                : "SELECT indexname FROM pg_indexes WHERE indexname LIKE 'entities_sort_%'";
        assertThat(strings(database, sortIndexes))
                .containsExactlyInAnyOrder("entities_sort_title", "entities_sort_created", "entities_sort_updated");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl()); Statement sql = connection.createStatement()) {
            Fixtures.insertBlueprintRow(sql, Fixtures.blueprint("service", "{}", Map.of()));
            sql.execute("INSERT INTO entities (blueprint, identifier, title) VALUES "
                    + "('service', 'pay', 'Payments API'), ('service', 'web', 'Website'), ('service', 'doc', 'Docs'), "
                    + "('service', 'new', NULL)");
        }

        try (CatalogStore store = database.openStore()) {
            assertThat(strings(database, sortIndexes)).isEmpty();
            var catalog = new dev.portolan.catalog.CatalogService(store, java.time.Clock.systemUTC(),
                    dev.portolan.catalog.entity.CalculationEvaluator.NONE);
            var page = catalog.entities().search(new SearchRequest("service", null, 50, null, new SearchSort("$title", false)));
            assertThat(page.entities()).extracting(e -> e.identifier()).containsExactly("doc", "pay", "web", "new");
        }
        assertThat(strings(database, "SELECT property FROM property_indexes")).containsExactly("$title");
    }
}
