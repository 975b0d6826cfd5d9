package dev.portolan.server.cli;

import dev.portolan.catalog.access.AccessService;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.server.PortolanServer;
import dev.portolan.server.ServerSettings;
import dev.portolan.store.testing.StoreTest;
import dev.portolan.store.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The first start of a server, when it creates the admin credential. */
class FirstStartTest {

    @TempDir
    Path dataDir;

    @StoreTest
    void aFirstStartThatCannotListenStoresNoAdminCredentialAndTheNextStartCreatesAndShowsOne(TestDatabase database) throws Exception {
        ServerSettings settings = ServerSettings.defaults(dataDir).withDatabaseUrl(database.jdbcUrl());
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> PortolanServer.start(settings.withPort(taken.getLocalPort()))).isInstanceOf(RuntimeException.class);
        }
        try (CatalogStore store = database.openStore()) {
            assertThat(new AccessService(store, Clock.systemUTC()).hasNoCredentials())
                    .as("no credential whose secret nobody saw").isTrue();
        }

        try (PortolanServer server = PortolanServer.start(settings.withPort(0))) {
            AccessService.IssuedCredential admin = server.createdAdmin().orElseThrow();
            try (CatalogStore store = database.openStore()) {
                assertThat(new AccessService(store, Clock.systemUTC()).authenticate(admin.credential().clientId(), admin.clientSecret()))
                        .isPresent();
            }
        }
    }
}
