package dev.portolan.store;

import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.search.Query;
import dev.portolan.catalog.search.SearchPage;
import dev.portolan.catalog.search.SearchRequest;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.StoreTest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

import static dev.portolan.store.Fixtures.blueprint;
import static dev.portolan.store.Fixtures.entity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchPagingTest {

    private static SearchPage page(CatalogStore store, String blueprint, int limit, String from) {
        SearchRequest request = new SearchRequest(blueprint, Query.matchAll(), limit, from);
        return store.read(tx -> tx.search(request));
    }

    private static void load(CatalogStore store) {
        Fixtures.insertBlueprints(store, blueprint("a"), blueprint("b"));
        Fixtures.insert(store, IntStream.range(0, 25).mapToObj(i -> entity("a", String.format("e%02d", i), "{}")).toArray(Entity[]::new));
        Fixtures.insert(store, IntStream.range(0, 5).mapToObj(i -> entity("b", "e" + i, "{}")).toArray(Entity[]::new));
    }

    @StoreTest
    void pagesFollowEachOtherWithoutDuplicatesOrGaps(CatalogStore store) {
        load(store);
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String from = null;
        do {
            SearchPage page = page(store, "a", 7, from);
            sizes.add(page.entities().size());
            page.entities().forEach(e -> seen.add(e.identifier()));
            from = page.next();
        } while (from != null);

        assertThat(sizes).containsExactly(7, 7, 7, 4);
        assertThat(seen).containsExactlyElementsOf(IntStream.range(0, 25).mapToObj(i -> String.format("e%02d", i)).toList());
    }

    @StoreTest
    void pagesAcrossBlueprintsAreOrderedByBlueprintThenIdentifier(CatalogStore store) {
        load(store);
        List<String> seen = new ArrayList<>();
        String from = null;
        do {
            SearchPage page = page(store, null, 4, from);
            page.entities().forEach(e -> seen.add(e.blueprint() + "/" + e.identifier()));
            from = page.next();
        } while (from != null);

        assertThat(seen).hasSize(30).doesNotHaveDuplicates().isSorted();
        assertThat(seen.get(24)).isEqualTo("a/e24");
        assertThat(seen.get(25)).isEqualTo("b/e0");
    }

    @StoreTest
    void anExactlyFullLastPageHasNoNext(CatalogStore store) {
        load(store);
        assertThat(page(store, "b", 5, null).next()).isNull();
        assertThat(page(store, "b", 4, null).next()).isNotNull();
    }

    @StoreTest
    void rowsWrittenBeforeTheCursorDoNotShiftLaterPages(CatalogStore store) {
        load(store);
        SearchPage first = page(store, "a", 10, null);
        Fixtures.insert(store, entity("a", "e00a", "{}"));
        store.write(tx -> tx.deleteEntities("a", List.of("e01")));

        SearchPage second = page(store, "a", 10, first.next());

        assertThat(second.entities().getFirst().identifier()).isEqualTo("e10");
    }

    @StoreTest
    void malformedCursorsAreRejectedClearly(CatalogStore store) {
        load(store);
        String notJson = Base64.getUrlEncoder().encodeToString("garbage".getBytes(StandardCharsets.UTF_8));
        String wrongShape = Base64.getUrlEncoder().encodeToString("[\"a\"]".getBytes(StandardCharsets.UTF_8));
        for (String cursor : List.of("!!!", notJson, wrongShape, "", "x' OR '1'='1")) {
            assertThatThrownBy(() -> page(store, "a", 5, cursor))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor");
        }
    }

    @StoreTest
    void limitsOutsideOneToAThousandAreRejected(CatalogStore store) {
        load(store);
        assertThatThrownBy(() -> page(store, "a", 0, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> page(store, "a", 1001, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(page(store, "a", 1000, null).entities()).hasSize(25);
    }

    @StoreTest
    void searchReturnsWholeEntities(CatalogStore store) {
        SearchModel.load(store);
        Entity s1 = page(store, "service", 1, null).entities().getFirst();
        assertThat(s1.identifier()).isEqualTo("s1");
        assertThat(s1.team()).containsExactly("platform");
        assertThat(s1.properties().path("tags").size()).isEqualTo(2);
        assertThat(s1.relations().path("domain").asText()).isEqualTo("d1");
        assertThat(s1.datasource()).isEqualTo("github");
        assertThat(s1.createdAt()).isEqualTo(Fixtures.T0);
    }
}
