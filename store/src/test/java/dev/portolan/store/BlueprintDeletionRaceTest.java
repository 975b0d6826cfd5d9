package dev.portolan.store;

import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.catalog.store.RelationTargets;
import dev.portolan.store.testing.StoreTest;
import dev.portolan.store.testing.TestDatabase;

import static dev.portolan.store.Fixtures.entity;
import static dev.portolan.store.StoreReads.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * No foreign key ties an entity to its blueprint on PostgreSQL: the store locks the blueprint's row
 * once per batch of entities it inserts, and deletes a blueprint's entities itself. No entity
 * outlives its blueprint, whichever of a writer and a delete comes first.
 */
class BlueprintDeletionRaceTest {

    @StoreTest
    void entitiesOfABlueprintThatIsGoneAreRefusedAndNothingIsWritten(TestDatabase database) throws Exception {
        try (CatalogStore store = database.openStore()) {
            Fixtures.insertBlueprints(store, Fixtures.teamsAndServices());
            store.write(tx -> {
                tx.deleteBlueprint("service");
                return null;
            });

            assertThatThrownBy(() -> store.write(tx -> {
                tx.insertEntities(Fixtures.writes(entity("team", "t1", "{}"), entity("service", "pay", "{}")),
                        RelationTargets.of(tx.listBlueprints()));
                return null;
            })).isInstanceOf(CatalogException.class).hasMessageContaining("\"service\" was not found");
        }
        assertThat(strings(database, "SELECT identifier FROM entities")).isEmpty();
    }

    @StoreTest
    void aDeleteThatWaitsForAWriterOfTheBlueprintRemovesTheEntitiesTheWriterCommitted(TestDatabase database) throws Exception {
        assumeTrue(database.dialect().equals("postgresql"), "SQLite has one writer at a time, and keeps the key's cascade");
        try (CatalogStore store = database.openStore()) {
            Fixtures.insertBlueprints(store, Fixtures.teamsAndServices());
            Fixtures.insert(store, entity("team", "t1", "{}"));

            HeldWriter.deleteWhileAWriterHoldsItsTransaction(store, database,
                    tx -> tx.insertEntities(Fixtures.writes(entity("service", "pay", "{}", "{'owner': 't1'}")),
                            RelationTargets.of(tx.listBlueprints())),
                    tx -> {
                        tx.deleteBlueprint("service");
                        return null;
                    });
        }
        assertThat(strings(database, "SELECT identifier FROM entities")).containsExactly("t1");
        assertThat(strings(database, "SELECT source_identifier FROM relation_edges")).isEmpty();
    }
}
