package dev.portolan.store;

import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.StoreTest;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The text a mapping was saved from in the UI: kept per integration, replaced on each save, gone with the integration. */
class MappingTextsTest {

    private static Optional<String> text(CatalogStore store, String integration) {
        return store.read(tx -> tx.findMappingText(integration));
    }

    private static void save(CatalogStore store, String integration, String yaml) {
        store.write(tx -> {
            tx.saveMappingText(integration, yaml);
            return null;
        });
    }

    @StoreTest
    void aMappingTextIsKeptReplacedAndDeletedWithItsIntegration(CatalogStore store) {
        store.write(tx -> {
            tx.saveIntegration(new Installation("files", "custom", "Files", Fixtures.object("{}"), Fixtures.object("{'resources': []}"),
                    0, false, Fixtures.T0, Fixtures.T0));
            return null;
        });
        assertThat(text(store, "files")).isEmpty();
        save(store, "files", "# first\nresources: []\n");
        save(store, "files", "# second\nresources: []  # none yet\n");
        assertThat(text(store, "files")).contains("# second\nresources: []  # none yet\n");

        store.write(tx -> {
            tx.deleteIntegration("files");
            return null;
        });
        assertThat(text(store, "files")).isEmpty();
    }
}
