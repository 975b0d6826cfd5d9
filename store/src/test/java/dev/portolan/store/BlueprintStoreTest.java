package dev.portolan.store;

import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.CalculationProperty;
import dev.portolan.catalog.blueprint.MirrorProperty;
import dev.portolan.catalog.blueprint.Relation;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.StoreTest;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.portolan.store.Fixtures.T0;
import static dev.portolan.store.Fixtures.blueprint;
import static dev.portolan.store.Fixtures.entity;
import static dev.portolan.store.Fixtures.insert;
import static dev.portolan.store.Fixtures.insertBlueprints;
import static dev.portolan.store.Fixtures.later;
import static dev.portolan.store.Fixtures.object;
import static dev.portolan.store.Fixtures.relation;
import static dev.portolan.store.StoreReads.*;
import static org.assertj.core.api.Assertions.assertThat;

class BlueprintStoreTest {

    @StoreTest
    void storesEveryPartOfABlueprint(CatalogStore store) {
        Map<String, Relation> relations = new LinkedHashMap<>();
        relations.put("zeta", relation("team", false, true));
        relations.put("alpha", relation("domain", true, false));
        Blueprint service = new Blueprint("service", "Service", "Github", "A deployable unit",
                object("{'properties': {'url': {'type': 'string', 'format': 'url'}}, 'required': ['url']}"),
                relations,
                Map.of("domainName", new MirrorProperty("Domain name", "alpha.$title")),
                Map.of("slug", new CalculationProperty("Slug", ".identifier", "string", object("{'colorized': true}"))),
                object("{'count': {'title': 'Count'}}"), object("{'teamInheritance': {'path': 'alpha'}}"),
                T0, "alice", later(5), "bob");
        insertBlueprints(store, blueprint("domain"), blueprint("team"), service);

        Blueprint read = storedBlueprint(store, "service").orElseThrow();

        assertThat(read).isEqualTo(service);
        assertThat(read.relations().keySet()).containsExactly("zeta", "alpha");
    }

    @StoreTest
    void listsBlueprintsByIdentifier(CatalogStore store) {
        insertBlueprints(store, blueprint("b"), blueprint("a"), blueprint("c"));

        assertThat(blueprints(store)).extracting(Blueprint::identifier).containsExactly("a", "b", "c");
        assertThat(storedBlueprint(store, "missing")).isEmpty();
    }

    @StoreTest
    void updatesABlueprintAndKeepsItsCreation(CatalogStore store) {
        insertBlueprints(store, blueprint("service", "{'a': {'type': 'string'}}", Map.of()));
        Blueprint changed = blueprint("service", "{'b': {'type': 'number'}}", Map.of())
                .withMeta(null, null, later(60), "carol");

        store.write(tx -> {
            tx.updateBlueprint(changed);
            return null;
        });

        Blueprint read = storedBlueprint(store, "service").orElseThrow();
        assertThat(read.schema()).isEqualTo(changed.schema());
        assertThat(read.createdAt()).isEqualTo(T0);
        assertThat(read.createdBy()).isEqualTo("creator");
        assertThat(read.updatedAt()).isEqualTo(later(60));
        assertThat(read.updatedBy()).isEqualTo("carol");
    }

    @StoreTest
    void deletingABlueprintDeletesItsEntitiesAndTheirEdges(CatalogStore store) {
        insertBlueprints(store, blueprint("domain"),
                blueprint("service", "{'name': {'type': 'string'}}", Map.of("domain", relation("domain", false, false))));
        insert(store, entity("domain", "payments", "{}"));
        insert(store, entity("service", "api", "{'name': 'x'}", "{'domain': 'payments'}"));

        store.write(tx -> {
            tx.deleteBlueprint("service");
            return null;
        });

        assertThat(storedBlueprint(store, "service")).isEmpty();
        assertThat(count(store, "service")).isZero();
        assertThat(edgesTo(store, new dev.portolan.catalog.entity.EntityKey("domain", "payments")))
                .isEmpty();
        // The blueprint can be created again, with its property indexes.
        insertBlueprints(store, blueprint("service", "{'name': {'type': 'string'}}", Map.of()));
        assertThat(storedBlueprint(store, "service")).isPresent();
    }
}
