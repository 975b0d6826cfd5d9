package dev.portolan.store;

import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.StoreTest;
import dev.portolan.store.testing.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static dev.portolan.store.Q.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database made before version 7 (property indexes on the value alone, no text index) is brought
 * up to date on open: its property indexes are rebuilt as (value, identifier), and the entities it
 * already holds are found by the title search.
 */
class Version7MigrationTest {

    @StoreTest
    void aVersion6DatabaseGetsTheNewPropertyIndexesAndItsEntitiesIndexedForSearch(TestDatabase database) throws SQLException {
        boolean sqlite = Fixtures.migratedTo(database, "6") instanceof SqliteDialect;
        String tier = sqlite ? "json_extract(properties, '$.\"tier\"')" : "(properties -> 'tier')";
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl()); Statement sql = connection.createStatement()) {
            Fixtures.insertBlueprintRow(sql, Fixtures.blueprint("service", "{'tier': {'type': 'number'}}", Map.of()));
            sql.execute("CREATE INDEX entities_p_old ON entities (" + tier + ") WHERE blueprint = 'service'");
            sql.execute("INSERT INTO property_indexes (blueprint, property, index_name) VALUES ('service', 'tier', 'entities_p_old')");
            sql.execute("INSERT INTO entities (blueprint, identifier, title, properties) VALUES "
                    + "('service', 'pay', 'Payments API', '{\"tier\": 1}'), ('service', 'web', 'Website', '{\"tier\": 1}')");
        }

        try (CatalogStore store = database.openStore()) {
            assertThat(SearchModel.ids(store, "service", text("$title", "contains", "ayment"))).containsExactly("pay");
        }
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl()); Statement sql = connection.createStatement()) {
            List<String> names = new java.util.ArrayList<>();
            try (var rows = sql.executeQuery("SELECT index_name FROM property_indexes WHERE blueprint = 'service' AND property = 'tier'")) {
                while (rows.next()) names.add(rows.getString(1));
            }
            assertThat(names).hasSize(1).doesNotContain("entities_p_old");
            String ddl;
            try (var rows = sql.executeQuery(sqlite
                    ? "SELECT sql FROM sqlite_master WHERE name = '" + names.getFirst() + "'"
                    : "SELECT indexdef FROM pg_indexes WHERE indexname = '" + names.getFirst() + "'")) {
                assertThat(rows.next()).isTrue();
                ddl = rows.getString(1);
            }
            assertThat(ddl).contains("identifier");
            try (var rows = sql.executeQuery(sqlite
                    ? "SELECT count(*) FROM sqlite_master WHERE name = 'entities_p_old'"
                    : "SELECT count(*) FROM pg_indexes WHERE indexname = 'entities_p_old'")) {
                rows.next();
                assertThat(rows.getInt(1)).isZero();
            }
        }
    }
}
