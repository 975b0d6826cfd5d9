package dev.portolan.store;

import dev.portolan.catalog.entity.EntityKey;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.StoreTest;
import dev.portolan.store.testing.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.portolan.store.StoreReads.edgesTo;
import static dev.portolan.store.StoreReads.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A PostgreSQL database of version 13 loses the foreign key from a relation edge to its source entity;
 * the store deletes an entity's edges itself, with the entity or with its blueprint.
 */
class Version14MigrationTest {

    @StoreTest
    void edgesLoseTheirKeyAndStillGoWithTheirEntity(TestDatabase database) throws SQLException {
        assumeTrue(database.dialect().equals("postgresql"), "SQLite keeps the key; it has no version 14");
        Fixtures.migratedTo(database, "13");
        String keys = "SELECT conname FROM pg_constraint WHERE conrelid = 'relation_edges'::regclass AND contype = 'f'";
        assertThat(strings(database, keys)).hasSize(1);
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl()); Statement sql = connection.createStatement()) {
            for (var blueprint : Fixtures.teamsAndServices()) Fixtures.insertBlueprintRow(sql, blueprint);
            sql.execute("INSERT INTO entities (blueprint, identifier, relations) VALUES ('team', 't1', '{}'), "
                    + "('service', 'pay', '{\"owner\": \"t1\"}'), ('service', 'web', '{\"owner\": \"t1\"}'), "
                    + "('service', 'doc', '{\"owner\": \"t1\"}')");
            sql.execute("INSERT INTO relation_edges (source_blueprint, source_identifier, relation, target_blueprint, target_identifier) "
                    + "VALUES ('service', 'pay', 'owner', 'team', 't1'), ('service', 'web', 'owner', 'team', 't1'), "
                    + "('service', 'doc', 'owner', 'team', 't1')");
        }

        try (CatalogStore store = database.openStore()) {
            assertThat(strings(database, keys)).isEmpty();
            store.write(tx -> tx.deleteEntities("service", List.of("pay")));
            assertThat(edgesTo(store, new EntityKey("team", "t1"))).extracting(e -> e.source().identifier())
                    .containsExactlyInAnyOrder("web", "doc");
            store.write(tx -> {
                tx.deleteBlueprint("service");
                return null;
            });
            assertThat(edgesTo(store, new EntityKey("team", "t1"))).isEmpty();
        }
        assertThat(strings(database, "SELECT source_identifier FROM relation_edges")).isEmpty();
    }
}
