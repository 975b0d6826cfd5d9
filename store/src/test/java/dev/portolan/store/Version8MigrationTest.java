package dev.portolan.store;

import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.StoreTest;
import dev.portolan.store.testing.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static dev.portolan.store.Q.rule;
import static dev.portolan.store.StoreReads.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A version 7 database is brought up to date on open: on PostgreSQL its indexed properties get the
 * statistics on their JSON type, and on both the entities are analyzed; its searches answer as before.
 */
class Version8MigrationTest {

    @StoreTest
    void aVersion7DatabaseGetsTypeStatisticsAndIsAnalyzed(TestDatabase database) throws SQLException {
        boolean sqlite = Fixtures.migratedTo(database, "7") instanceof SqliteDialect;
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl()); Statement sql = connection.createStatement()) {
            Fixtures.insertBlueprintRow(sql, Fixtures.blueprint("service", "{'tier': {'type': 'number'}}", Map.of()));
            sql.execute("INSERT INTO property_indexes (blueprint, property, index_name) VALUES ('service', 'tier', 'entities_p_gone')");
            sql.execute("INSERT INTO entities (blueprint, identifier, title, properties) VALUES "
                    + "('service', 'pay', 'Payments API', '{\"tier\": 1}'), ('service', 'web', 'Website', '{\"tier\": 2}')");
        }

        try (CatalogStore store = database.openStore()) {
            assertThat(SearchModel.ids(store, "service", rule("tier", ">=", "2"))).containsExactly("web");
        }
        if (sqlite) {
            assertThat(strings(database, "SELECT tbl FROM sqlite_stat1")).contains("entities");
        } else {
            assertThat(strings(database, "SELECT pg_get_statisticsobjdef(oid) FROM pg_statistic_ext"))
                    .anyMatch(statistics -> statistics.contains("jsonb_typeof(properties -> 'tier'::text)"))
                    .anyMatch(statistics -> statistics.contains("(properties -> 'tier'::text)") && !statistics.contains("jsonb_typeof"));
            assertThat(strings(database, "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'entities'"))
                    .containsExactly("t");
        }
    }
}
