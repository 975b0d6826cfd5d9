package dev.portolan.store;

import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.StoreTest;
import dev.portolan.store.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.portolan.store.Fixtures.blueprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class StoresTest {

    @StoreTest
    void reopeningAMigratedDatabaseKeepsItsData(TestDatabase database) {
        try (CatalogStore store = database.openStore()) {
            assertThat(store.dialect()).isEqualTo(database.dialect());
            Fixtures.insertBlueprints(store, blueprint("service"));
        }
        try (CatalogStore store = database.openStore()) {
            assertThat(StoreReads.blueprints(store)).hasSize(1);
        }
    }

    @Test
    void sqliteCreatesItsDataDirectoryAndFileInWalMode(@TempDir Path temp) throws SQLException {
        Path dataDir = temp.resolve("nested/data");
        try (CatalogStore store = Stores.sqlite(dataDir)) {
            Fixtures.insertBlueprints(store, blueprint("service"));
        }
        assertThat(dataDir.resolve(Stores.SQLITE_FILE)).exists();
        try (Connection connection = DriverManager.getConnection(Stores.sqliteUrl(dataDir));
             Statement statement = connection.createStatement();
             ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
            mode.next();
            assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void sqliteCheckpointsItsLogInTheBackgroundAndEmptiesItOnClose(@TempDir Path temp) throws Exception {
        Path file = temp.resolve(Stores.SQLITE_FILE);
        Path wal = temp.resolve(Stores.SQLITE_FILE + "-wal");
        String large = "{'text': '" + "x".repeat(2_000) + "'}";
        try (CatalogStore store = Stores.sqlite(temp)) {
            Fixtures.insertBlueprints(store, blueprint("service"));
            long before = Files.size(file);
            for (int i = 0; i < 300; i++) {
                Fixtures.insert(store, Fixtures.entity("service", "s" + i, large));
            }
            // The writer does not checkpoint (wal_autocheckpoint = 0): the background thread copies the
            // log into the database file while the store is open.
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (Files.size(file) < before + 300 * 2_000 && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(Files.size(file)).isGreaterThanOrEqualTo(before + 300 * 2_000);
        }
        assertThat(!Files.exists(wal) || Files.size(wal) == 0).as("the log is empty after close").isTrue();
        try (CatalogStore store = Stores.sqlite(temp)) {
            long count = store.read(tx -> tx.countEntities("service"));
            assertThat(count).isEqualTo(300);
        }
    }

    /**
     * The store checks an entity's blueprint itself (BlueprintDeletionRaceTest); on SQLite the keys
     * of the schema stay as a second guard, so every connection of the store enforces them.
     */
    @Test
    void sqliteEnforcesForeignKeys(@TempDir Path temp) throws SQLException {
        Pools pools = Pools.sqlite(Stores.sqliteUrl(temp));
        try (pools; Connection writer = pools.writer().getConnection(); Connection reader = pools.reader().getConnection();
             Statement onWriter = writer.createStatement(); Statement onReader = reader.createStatement()) {
            for (Statement statement : List.of(onWriter, onReader)) {
                try (ResultSet row = statement.executeQuery("PRAGMA foreign_keys")) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getInt(1)).isEqualTo(1);
                }
            }
        }
    }

    /**
     * PostgreSQL compiles a plan to machine code when its estimated cost is high enough, and a relatedTo's
     * recursive walk is estimated far above what it reads: each such page spent 15-16 ms compiling. Every
     * connection of the store has JIT off, whatever the server's default.
     */
    @StoreTest
    void postgresqlConnectionsDoNotCompileQueriesToMachineCode(TestDatabase database) throws SQLException {
        assumeTrue(database.dialect().equals("postgresql"), "SQLite has no JIT");
        try (Connection plain = DriverManager.getConnection(database.jdbcUrl());
             Statement statement = plain.createStatement();
             ResultSet serverDefault = statement.executeQuery("SELECT current_setting('jit')")) {
            serverDefault.next();
            assumeTrue(serverDefault.getString(1).equals("on"), "this server has JIT off already");
        }
        try (Pools pools = Pools.postgres(database.jdbcUrl());
             Connection pooled = pools.reader().getConnection();
             Statement statement = pooled.createStatement();
             ResultSet setting = statement.executeQuery("SELECT current_setting('jit')")) {
            setting.next();
            assertThat(setting.getString(1)).isEqualTo("off");
        }
    }

    @Test
    void otherDatabasesAreRefused() {
        assertThatThrownBy(() -> Stores.open("jdbc:mysql://localhost/x?password=secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:sqlite").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> Stores.open("jdbc:sqlite::memory:")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnreachablePostgresqlFailsClearlyWithoutThePassword() {
        assertThatThrownBy(() -> Stores.open("jdbc:postgresql://127.0.0.1:1/portolan?user=x&password=secret&connectTimeout=2"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect to jdbc:postgresql://127.0.0.1:1/portolan")
                .hasMessageNotContaining("secret");
    }
}
