package dev.portolan.store;

import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.entity.EntityKey;
import dev.portolan.catalog.entity.OwnedEntry;
import dev.portolan.catalog.entity.EntityState;
import dev.portolan.catalog.entity.EntityWrite;
import dev.portolan.catalog.entity.RelationEdge;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.catalog.store.RelationTargets;
import dev.portolan.store.testing.StoreTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.portolan.store.Fixtures.T0;
import static dev.portolan.store.Fixtures.blueprint;
import static dev.portolan.store.Fixtures.entity;
import static dev.portolan.store.Fixtures.insert;
import static dev.portolan.store.Fixtures.insertBlueprints;
import static dev.portolan.store.Fixtures.later;
import static dev.portolan.store.Fixtures.relation;
import static dev.portolan.store.Fixtures.write;
import static dev.portolan.store.StoreReads.*;
import static org.assertj.core.api.Assertions.assertThat;

class EntityStoreTest {

    private static void model(CatalogStore store) {
        insertBlueprints(store, blueprint("domain"), blueprint("team"),
                blueprint("service", "{'url': {'type': 'string'}, 'tags': {'type': 'array'}}",
                        Map.of("domain", relation("domain", true, false), "owners", relation("team", false, true))));
    }

    @StoreTest
    void insertsAndReadsEntitiesWithAllTheirFields(CatalogStore store) {
        model(store);
        Entity api = new Entity("api", "API", "Service", List.of("platform", "payments"), "service",
                Fixtures.object("{'url': 'https://x', 'tags': ['a', 'b'], 'nested': {'n': 1.5}}"),
                Fixtures.object("{'domain': 'payments', 'owners': ['t1', 't2']}"),
                T0, "alice", later(1), "bob", "github-main");

        store.write(tx -> {
            tx.insertEntities(List.of(new EntityWrite(api, "h1")), RelationTargets.of(tx.listBlueprints()));
            return null;
        });

        assertThat(entities(store, "service", List.of("api", "missing"))).containsOnly(Map.entry("api", api));
        assertThat(states(store, "service", List.of("api", "missing")))
                .containsOnly(Map.entry("api", new EntityState("api", "h1", "github-main", T0, "alice")));
    }

    @StoreTest
    void derivesRelationEdgesFromRelations(CatalogStore store) {
        model(store);
        insert(store, entity("service", "api", "{}", "{'domain': 'payments', 'owners': ['t1', 't2', 't1'], 'unknown': 'x'}"),
                entity("service", "web", "{}", "{'domain': 'payments', 'owners': null}"));

        List<RelationEdge> edges = edgesTo(store, new EntityKey("domain", "payments"),
                new EntityKey("team", "t1"), new EntityKey("team", "t2"), new EntityKey("team", "nobody"));

        assertThat(edges).containsExactlyInAnyOrder(
                new RelationEdge(new EntityKey("service", "api"), "domain", new EntityKey("domain", "payments")),
                new RelationEdge(new EntityKey("service", "web"), "domain", new EntityKey("domain", "payments")),
                new RelationEdge(new EntityKey("service", "api"), "owners", new EntityKey("team", "t1")),
                new RelationEdge(new EntityKey("service", "api"), "owners", new EntityKey("team", "t2")));
    }

    @StoreTest
    void updateReplacesContentAndEdgesAndKeepsCreation(CatalogStore store) {
        model(store);
        insert(store, entity("service", "api", "{'url': 'a'}", "{'domain': 'payments', 'owners': ['t1']}"));
        Entity changed = entity("service", "api", "{'url': 'b'}", "{'domain': 'billing', 'owners': []}")
                .withMeta(null, null, later(30), "carol", "github");

        store.write(tx -> {
            tx.updateEntities(List.of(new EntityWrite(changed, "h2")), RelationTargets.of(tx.listBlueprints()));
            return null;
        });

        Entity read = entities(store, "service", List.of("api")).get("api");
        assertThat(read.properties()).isEqualTo(changed.properties());
        assertThat(read.createdAt()).isEqualTo(T0);
        assertThat(read.updatedAt()).isEqualTo(later(30));
        assertThat(read.datasource()).isEqualTo("github");
        assertThat(states(store, "service", List.of("api")).get("api").contentHash()).isEqualTo("h2");
        assertThat(edgesTo(store, new EntityKey("domain", "payments"), new EntityKey("team", "t1")))
                .isEmpty();
        assertThat(edgesTo(store, new EntityKey("domain", "billing"))).hasSize(1);
    }

    @StoreTest
    void anUpdateThatKeepsTheRelationsKeepsTheEdges(CatalogStore store) {
        model(store);
        insert(store, entity("service", "api", "{'url': 'a'}", "{'domain': 'payments', 'owners': ['t1', 't2']}"),
                entity("service", "web", "{'url': 'a'}", "{'domain': 'payments'}"));

        store.write(tx -> {
            tx.updateEntities(Fixtures.writes(entity("service", "api", "{'url': 'b'}", "{'owners': ['t1', 't2'], 'domain': 'payments'}"),
                    entity("service", "web", "{'url': 'b'}", "{'domain': 'billing'}")), RelationTargets.of(tx.listBlueprints()));
            return null;
        });

        assertThat(edgesTo(store, new EntityKey("domain", "payments"), new EntityKey("team", "t1"), new EntityKey("team", "t2")))
                .extracting(e -> e.source().identifier() + "." + e.relation()).containsExactlyInAnyOrder("api.domain", "api.owners", "api.owners");
        assertThat(edgesTo(store, new EntityKey("domain", "billing"))).extracting(e -> e.source().identifier()).containsExactly("web");
    }

    @StoreTest
    void deleteRemovesEntitiesAndTheirEdgesAndCountsRows(CatalogStore store) {
        model(store);
        insert(store, entity("service", "api", "{}", "{'domain': 'payments'}"), entity("service", "web", "{}", "{'domain': 'payments'}"));

        int deleted = delete(store, "service", List.of("api", "missing"));

        assertThat(deleted).isEqualTo(1);
        assertThat(edgesTo(store, new EntityKey("domain", "payments")))
                .extracting(e -> e.source().identifier()).containsExactly("web");
        assertThat(count(store, "service")).isEqualTo(1);
    }

    @StoreTest
    void batchesOfThousandsWorkInChunks(CatalogStore store) {
        model(store);
        List<Entity> entities = IntStream.range(0, 1_234)
                .mapToObj(i -> entity("service", "s" + String.format("%05d", i), "{'url': 'u" + i + "'}", "{'domain': 'd" + (i % 7) + "'}"))
                .toList();
        List<String> identifiers = entities.stream().map(Entity::identifier).toList();

        store.write(tx -> {
            tx.insertEntities(entities.stream().map(Fixtures::write).toList(), RelationTargets.of(tx.listBlueprints()));
            return null;
        });

        assertThat(count(store, "service")).isEqualTo(1_234);
        assertThat(states(store, "service", identifiers)).hasSize(1_234);
        assertThat(entities(store, "service", identifiers)).hasSize(1_234);
        List<EntityKey> keys = new ArrayList<>(identifiers.stream().map(id -> new EntityKey("service", id)).toList());
        keys.add(new EntityKey("service", "nope"));
        keys.add(new EntityKey("domain", "s00001"));
        assertThat(existing(store, keys)).hasSize(1_234);
        assertThat(edgesTo(store, new EntityKey("domain", "d0"))).hasSize(177);

        store.write(tx -> {
            tx.updateEntities(entities.stream().map(e -> write(e.withMeta(null, null, later(5), "x", "ds"))).toList(),
                    RelationTargets.of(tx.listBlueprints()));
            return null;
        });
        assertThat(states(store, "service", identifiers).values())
                .allMatch(state -> "ds".equals(state.datasource()));
        assertThat(delete(store, "service", identifiers)).isEqualTo(1_234);
    }

    @StoreTest
    void existingEntitiesSpansBlueprints(CatalogStore store) {
        model(store);
        insert(store, entity("domain", "payments", "{}"), entity("team", "t1", "{}"));

        assertThat(existing(store, List.of(new EntityKey("domain", "payments"),
                new EntityKey("team", "t1"), new EntityKey("team", "payments"), new EntityKey("nope", "t1"))))
                .containsExactlyInAnyOrder(new EntityKey("domain", "payments"), new EntityKey("team", "t1"));
    }

    @StoreTest
    void listsIdentifiersInPages(CatalogStore store) {
        model(store);
        insert(store, entity("domain", "c", "{}"), entity("domain", "a", "{}"), entity("domain", "b", "{}"),
                entity("team", "a0", "{}"));

        assertThat(identifiers(store, "domain", null, 2)).containsExactly("a", "b");
        assertThat(identifiers(store, "domain", "b", 2)).containsExactly("c");
        assertThat(identifiers(store, "domain", "c", 2)).isEmpty();
        assertThat(count(store, "domain")).isEqualTo(3);
        assertThat(count(store, "nope")).isZero();
    }

    @StoreTest
    void listsTheEntitiesOfOneDatasourceInPagesWithTheirLastWrite(CatalogStore store) {
        model(store);
        insert(store, owned(entity("team", "t2", "{}"), "git"), owned(entity("domain", "b", "{}"), "git"),
                owned(entity("domain", "a", "{}"), "git"), owned(entity("domain", "c", "{}"), "github"),
                entity("team", "t1", "{}"));

        List<OwnedEntry> first = store.read(tx -> tx.listOwned("git", null, 2));
        List<OwnedEntry> second = store.read(tx -> tx.listOwned("git", first.getLast().key(), 2));

        assertThat(first).extracting(OwnedEntry::key)
                .containsExactly(new EntityKey("domain", "a"), new EntityKey("domain", "b"));
        assertThat(first).allSatisfy(e -> assertThat(e.updatedAt()).isEqualTo(T0));
        assertThat(second).extracting(OwnedEntry::key).containsExactly(new EntityKey("team", "t2"));
        List<OwnedEntry> after = store.read(tx -> tx.listOwned("git", second.getLast().key(), 2));
        List<OwnedEntry> nobody = store.read(tx -> tx.listOwned("nobody", null, 10));
        assertThat(after).isEmpty();
        assertThat(nobody).isEmpty();
    }

    private static Entity owned(Entity e, String datasource) {
        return e.withMeta(e.createdAt(), e.createdBy(), e.updatedAt(), e.updatedBy(), datasource);
    }

    @StoreTest
    void emptyBatchesDoNothing(CatalogStore store) {
        model(store);
        store.write(tx -> {
            tx.insertEntities(List.of(), RelationTargets.of(List.of()));
            tx.updateEntities(List.of(), RelationTargets.of(List.of()));
            assertThat(tx.deleteEntities("service", List.of())).isZero();
            assertThat(tx.findEntityStates("service", List.of())).isEmpty();
            assertThat(tx.existingEntities(List.of())).isEmpty();
            assertThat(tx.findEdgesTo(List.of())).isEmpty();
            return null;
        });
    }
}
