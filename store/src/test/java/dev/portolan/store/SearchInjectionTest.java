package dev.portolan.store;

import dev.portolan.catalog.search.Direction;
import dev.portolan.catalog.search.Query;
import dev.portolan.catalog.search.SearchRequest;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.StoreTest;

import java.util.List;

import static dev.portolan.store.Q.related;
import static dev.portolan.store.Q.text;
import static dev.portolan.store.SearchModel.ids;
import static dev.portolan.store.SearchModel.services;
import static org.assertj.core.api.Assertions.assertThat;

/** Hostile values, property names and identifiers: correct (mostly empty) results, nothing changed. */
class SearchInjectionTest {

    private static final List<String> HOSTILE = List.of(
            "x' OR '1'='1", "\"); DROP TABLE entities; --", "'; DELETE FROM entities; --", "%", "_", "*", "\\",
            "$.\"name\"", "name') OR 1=1 --", "a\u0000b");

    @StoreTest
    void hostileValuesMatchOnlyThemselves(CatalogStore store) {
        SearchModel.load(store);
        for (String value : HOSTILE) {
            for (String operator : List.of("=", "contains", "beginsWith", "endsWith", ">")) {
                List<String> found = services(store, text("name", operator, value));
                if (operator.equals(">")) {
                    continue; // ordering of odd strings is legitimate; only "nothing breaks" matters here
                }
                if (operator.equals("contains") && (value.equals("%") || value.equals("_"))) {
                    assertThat(found).as("%s %s", operator, value).containsExactly("s3");
                } else {
                    assertThat(found).as("%s %s", operator, value).isEmpty();
                }
            }
        }
        assertThat(services(store, text("$title", "=", "x' OR '1'='1"))).containsExactly("s3");
        assertUnchanged(store);
    }

    @StoreTest
    void hostilePropertyNamesAreMissingProperties(CatalogStore store) {
        SearchModel.load(store);
        for (String property : HOSTILE) {
            assertThat(services(store, text(property, "=", "x"))).as(property).isEmpty();
            assertThat(services(store, text(property, "!=", "x"))).as(property).containsExactly("s1", "s2", "s3", "s4");
            assertThat(services(store, text(property, "contains", "a"))).as(property).isEmpty();
        }
        assertThat(services(store, text("$identifier' OR '1'='1", "=", "s1"))).isEmpty();
        assertUnchanged(store);
    }

    @StoreTest
    void hostileBlueprintsAndIdentifiersFindNothing(CatalogStore store) {
        SearchModel.load(store);
        for (String hostile : HOSTILE) {
            SearchRequest request = new SearchRequest(hostile, Query.matchAll(), 10, null);
            assertThat(store.read(tx -> tx.search(request)).entities()).as(hostile).isEmpty();
            assertThat(ids(store, null, related(hostile, Direction.BOTH, false, "d1"))).as(hostile).isEmpty();
            assertThat(ids(store, null, related("domain", Direction.BOTH, true, hostile))).as(hostile).isEmpty();
        }
        assertUnchanged(store);
    }

    private static void assertUnchanged(CatalogStore store) {
        assertThat(StoreReads.count(store, "service")).isEqualTo(4);
        assertThat(StoreReads.count(store, "deployment")).isEqualTo(2);
        assertThat(StoreReads.blueprints(store)).hasSize(5);
        assertThat(ids(store, null, related("group", Direction.DOWNSTREAM, false, "g1"))).hasSize(5);
    }
}
