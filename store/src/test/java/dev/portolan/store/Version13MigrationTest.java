package dev.portolan.store;

import dev.portolan.catalog.search.SearchRequest;
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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A PostgreSQL database of version 11 (it has no 12) loses the GIN index on properties and the trigram indexes over
 * every blueprint's titles and identifiers; the search box answers as before, and its first search of a
 * blueprint builds that blueprint's own trigram indexes.
 */
class Version13MigrationTest {

    @StoreTest
    void theIndexesOfAllBlueprintsGoAndTheSearchBoxAnswersAsBefore(TestDatabase database) throws SQLException {
        assumeTrue(database.dialect().equals("postgresql"), "SQLite's text index is one FTS5 table; and PostgreSQL's alone changes at version 13");
        Fixtures.migratedTo(database, "11"); // PostgreSQL has no version 12 (SQLite's text index)
        String globalIndexes = "SELECT indexname FROM pg_indexes WHERE tablename = 'entities' AND indexname IN "
                + "('entities_properties_gin', 'entities_title_trigrams', 'entities_identifier_trigrams')";
        assertThat(strings(database, globalIndexes)).hasSize(3);
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl()); Statement sql = connection.createStatement()) {
            Fixtures.insertBlueprintRow(sql, Fixtures.blueprint("service", "{}", Map.of()));
            Fixtures.insertBlueprintRow(sql, Fixtures.blueprint("team", "{}", Map.of()));
            sql.execute("INSERT INTO entities (blueprint, identifier, title) VALUES "
                    + "('service', 'payments-api', 'Payments API'), ('service', 'web', 'Website'), "
                    + "('service', 'API-gateway', NULL), ('team', 'api-team', 'API team')");
        }

        try (CatalogStore store = database.openStore()) {
            assertThat(strings(database, globalIndexes)).isEmpty();
            var catalog = new dev.portolan.catalog.CatalogService(store, java.time.Clock.systemUTC(),
                    dev.portolan.catalog.entity.CalculationEvaluator.NONE);
            var page = catalog.entities().search(new SearchRequest("service",
                    Q.or(Q.text("$title", "contains", "API"), Q.text("$identifier", "contains", "gate")), 50, null));
            assertThat(page.entities()).extracting(e -> e.identifier()).containsExactly("API-gateway", "payments-api");
        }
        assertThat(strings(database, "SELECT blueprint || ' ' || property FROM property_indexes"))
                .containsExactlyInAnyOrder("service $title:text", "service $identifier:text");
    }
}
