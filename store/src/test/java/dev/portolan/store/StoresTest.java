package dev.portolan.store;

import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.StoreTest;
import dev.portolan.store.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static dev.portolan.store.Fixtures.blueprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void sqliteEnforcesForeignKeys(@TempDir Path temp) {
        try (CatalogStore store = Stores.sqlite(temp)) {
            assertThatThrownBy(() -> Fixtures.insert(store, Fixtures.entity("no-such-blueprint", "x", "{}")))
                    .isInstanceOf(StoreException.class);
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
