package dev.portolan.store;

import dev.portolan.store.testing.StoreTest;
import dev.portolan.store.testing.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static dev.portolan.store.StoreReads.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Version 15 gave relation edges their foreign key back on a PostgreSQL database of version 14 (16 takes
 * it away again): an edge whose source entity was gone, which the key would refuse, is removed first,
 * and the others stay.
 */
class Version15MigrationTest {

    @StoreTest
    void edgesGetTheirKeyBackAndLoseOnlyOrphans(TestDatabase database) throws SQLException {
        assumeTrue(database.dialect().equals("postgresql"), "SQLite always kept the key; it has no version 14 or 15");
        Dialect dialect = Fixtures.migratedTo(database, "14");
        String keys = "SELECT conname FROM pg_constraint WHERE conrelid = 'relation_edges'::regclass AND contype = 'f'";
        assertThat(strings(database, keys)).isEmpty();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl()); Statement sql = connection.createStatement()) {
            for (var blueprint : Fixtures.teamsAndServices()) Fixtures.insertBlueprintRow(sql, blueprint);
            sql.execute("INSERT INTO entities (blueprint, identifier, relations) VALUES ('team', 't1', '{}'), "
                    + "('service', 'pay', '{\"owner\": \"t1\"}'), ('service', 'web', '{\"owner\": \"t1\"}')");
            sql.execute("INSERT INTO relation_edges (source_blueprint, source_identifier, relation, target_blueprint, target_identifier) "
                    + "VALUES ('service', 'pay', 'owner', 'team', 't1'), ('service', 'web', 'owner', 'team', 't1'), "
                    + "('service', 'gone', 'owner', 'team', 't1')");
        }

        Migrations.migrateTo(database.jdbcUrl(), dialect, "15");

        assertThat(strings(database, keys)).hasSize(1);
        assertThat(strings(database, "SELECT source_identifier FROM relation_edges")).containsExactlyInAnyOrder("pay", "web");
    }
}
