package dev.portolan.store;

import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.search.Operator;
import dev.portolan.catalog.search.PropertyRule;
import dev.portolan.catalog.search.Query;
import dev.portolan.catalog.search.SearchPage;
import dev.portolan.catalog.search.SearchRequest;
import dev.portolan.catalog.search.SearchSort;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.StoreTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.portolan.store.Fixtures.blueprint;
import static dev.portolan.store.Fixtures.entity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchSortTest {

    /** 20 services: tier = i % 4 (none for i % 5 == 0), name "n" + (19 - i). */
    private static void load(CatalogStore store) {
        Fixtures.insertBlueprints(store, blueprint("service",
                "{'tier': {'type': 'number'}, 'name': {'type': 'string'}, 'tags': {'type': 'array'}}", Map.of()));
        Fixtures.insert(store, IntStream.range(0, 20).mapToObj(i -> entity("service", String.format("s%02d", i),
                i % 5 == 0 ? "{'name': 'n" + String.format("%02d", 19 - i) + "'}"
                        : "{'tier': " + (i % 4) + ", 'name': 'n" + String.format("%02d", 19 - i) + "'}")).toArray(Entity[]::new));
    }

    private static List<String> all(CatalogStore store, Query query, SearchSort sort, int pageSize) {
        List<String> seen = new ArrayList<>();
        String from = null;
        do {
            SearchRequest request = new SearchRequest("service", query, pageSize, from, sort);
            SearchPage page = store.read(tx -> tx.search(request));
            page.entities().forEach(e -> seen.add(e.identifier()));
            from = page.next();
        } while (from != null);
        return seen;
    }

    @StoreTest
    void aNumberPropertySortsNumericallyThenByIdentifierWithEntitiesWithoutItLast(CatalogStore store) {
        load(store);
        List<String> seen = all(store, Query.matchAll(), new SearchSort("tier", false), 3);
        assertThat(seen).containsExactly(
                "s04", "s08", "s12", "s16",      // tier 0
                "s01", "s09", "s13", "s17",      // tier 1
                "s02", "s06", "s14", "s18",      // tier 2
                "s03", "s07", "s11", "s19",      // tier 3
                "s00", "s05", "s10", "s15");     // no tier
    }

    @StoreTest
    void descendingReversesTheValuesButStillPutsEntitiesWithoutOneLast(CatalogStore store) {
        load(store);
        List<String> seen = all(store, Query.matchAll(), new SearchSort("tier", true), 4);
        assertThat(seen.subList(0, 4)).containsExactly("s19", "s11", "s07", "s03");
        assertThat(seen.subList(16, 20)).containsExactly("s15", "s10", "s05", "s00");
        assertThat(seen).doesNotHaveDuplicates().hasSize(20);
    }

    @StoreTest
    void aStringPropertyAndTheTitleSortAcrossPagesWithAFilter(CatalogStore store) {
        load(store);
        Query tierOne = Query.and(new PropertyRule("tier", Operator.EQ, Fixtures.json("1")));
        assertThat(all(store, tierOne, new SearchSort("name", false), 2)).containsExactly("s17", "s13", "s09", "s01");
        assertThat(all(store, tierOne, new SearchSort("$title", true), 3)).containsExactly("s17", "s13", "s09", "s01");
    }

    @StoreTest
    void aCursorOfAnotherSortIsRefused(CatalogStore store) {
        load(store);
        String next = store.read(tx -> tx.search(new SearchRequest("service", Query.matchAll(), 5, null,
                new SearchSort("tier", false)))).next();
        assertThatThrownBy(() -> store.read(tx -> tx.search(new SearchRequest("service", Query.matchAll(), 5, next,
                new SearchSort("name", false))))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same sort");
    }

    @StoreTest
    void onlyScalarPropertiesOfTheBlueprintAndTimeOrTitleMetaPropertiesSort(CatalogStore store) {
        load(store);
        assertThatThrownBy(() -> all(store, Query.matchAll(), new SearchSort("tags", false), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no scalar property");
        assertThatThrownBy(() -> all(store, Query.matchAll(), new SearchSort("$team", false), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sortable meta-properties");
    }
}
