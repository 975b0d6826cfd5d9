package dev.portolan.store;

import dev.portolan.catalog.entity.EntityKey;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.catalog.store.RelationTargets;
import dev.portolan.store.testing.StoreTest;
import dev.portolan.store.testing.TestDatabase;

import java.util.List;

import static dev.portolan.store.Fixtures.entity;
import static dev.portolan.store.StoreReads.edgesTo;
import static dev.portolan.store.StoreReads.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On PostgreSQL no foreign key deletes an entity's edges with it: the store does, in the deleting
 * transaction. A delete that waits for a writer of the same entity still removes the edges that writer
 * committed meanwhile: no edge outlives its entity.
 */
class EdgeDeletionRaceTest {

    @StoreTest
    void aDeleteThatWaitsForAWriterOfTheEntityRemovesTheEdgesTheWriterCommitted(TestDatabase database) throws Exception {
        assumeTrue(database.dialect().equals("postgresql"), "SQLite has one writer at a time, and keeps the key's cascade");
        try (CatalogStore store = database.openStore()) {
            Fixtures.insertBlueprints(store, Fixtures.teamsAndServices());
            Fixtures.insert(store, entity("team", "t1", "{}"), entity("team", "t2", "{}"),
                    entity("service", "pay", "{}", "{'owner': 't1'}"));

            int deleted = HeldWriter.deleteWhileAWriterHoldsItsTransaction(store, database,
                    tx -> tx.updateEntities(Fixtures.writes(entity("service", "pay", "{}", "{'owner': 't2'}")),
                            RelationTargets.of(tx.listBlueprints())),
                    tx -> tx.deleteEntities("service", List.of("pay")));
            assertThat(deleted).isEqualTo(1);

            assertThat(edgesTo(store, new EntityKey("team", "t1"), new EntityKey("team", "t2"))).isEmpty();
        }
        assertThat(strings(database, "SELECT source_identifier FROM relation_edges")).isEmpty();
    }
}
