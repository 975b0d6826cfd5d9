package dev.portolan.store;

import dev.portolan.catalog.entity.EntityKey;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.StoreTest;
import dev.portolan.store.testing.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static dev.portolan.store.StoreReads.count;
import static dev.portolan.store.StoreReads.edgesTo;
import static dev.portolan.store.StoreReads.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A PostgreSQL database of version 16 loses the foreign key from an entity to its blueprint; the
 * store deletes a blueprint's entities (and their edges) itself.
 */
class Version17MigrationTest {

    @StoreTest
    void entitiesLoseTheirKeyAndStillGoWithTheirBlueprint(TestDatabase database) throws SQLException {
        assumeTrue(database.dialect().equals("postgresql"), "SQLite keeps the key; it has no version 17");
        Fixtures.migratedTo(database, "16");
        String keys = "SELECT conname FROM pg_constraint WHERE conrelid = 'entities'::regclass AND contype = 'f'";
        assertThat(strings(database, keys)).hasSize(1);
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl()); Statement sql = connection.createStatement()) {
            for (var blueprint : Fixtures.teamsAndServices()) Fixtures.insertBlueprintRow(sql, blueprint);
            sql.execute("INSERT INTO entities (blueprint, identifier, relations) VALUES ('team', 't1', '{}'), "
                    + "('service', 'pay', '{\"owner\": \"t1\"}'), ('service', 'web', '{\"owner\": \"t1\"}')");
            sql.execute("INSERT INTO relation_edges (source_blueprint, source_identifier, relation, target_blueprint, target_identifier) "
                    + "VALUES ('service', 'pay', 'owner', 'team', 't1'), ('service', 'web', 'owner', 'team', 't1')");
        }

        try (CatalogStore store = database.openStore()) {
            assertThat(strings(database, keys)).isEmpty();
            store.write(tx -> {
                tx.deleteBlueprint("service");
                return null;
            });
            assertThat(count(store, "team")).isEqualTo(1);
            assertThat(edgesTo(store, new EntityKey("team", "t1"))).isEmpty();
        }
        assertThat(strings(database, "SELECT identifier FROM entities")).containsExactly("t1");
        assertThat(strings(database, "SELECT source_identifier FROM relation_edges")).isEmpty();
    }
}
