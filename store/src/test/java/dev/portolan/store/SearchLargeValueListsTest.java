package dev.portolan.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.portolan.catalog.search.Direction;
import dev.portolan.catalog.search.Operator;
import dev.portolan.catalog.search.PropertyRule;
import dev.portolan.catalog.search.RelatedToRule;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.StoreTest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static dev.portolan.store.SearchModel.ids;
import static dev.portolan.store.SearchModel.services;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Value lists of any length: PostgreSQL takes at most 65,535 bind parameters and SQLite refuses an
 * expression nested deeper than 1,000, so a list is bound as one parameter (an array), never one
 * parameter or one OR per value. 70,000 values go beyond PostgreSQL's limit.
 */
class SearchLargeValueListsTest {

    private static final int MANY = 70_000;

    /** {@code MANY} values that match nothing, then {@code matching}. */
    private static ArrayNode manyAnd(String... matching) {
        ArrayNode values = JsonNodeFactory.instance.arrayNode();
        IntStream.range(0, MANY).forEach(i -> values.add("no-such-value-" + i));
        for (String m : matching) values.add(m);
        return values;
    }

    private static List<String> manyIdentifiersAnd(String... matching) {
        List<String> identifiers = new ArrayList<>();
        manyAnd(matching).forEach(v -> identifiers.add(v.asText()));
        return identifiers;
    }

    private static PropertyRule rule(String property, Operator operator, ArrayNode values) {
        return new PropertyRule(property, operator, values);
    }

    @StoreTest
    void inAndNotInTakeAListLongerThanTheDatabasesParameterLimit(CatalogStore store) {
        SearchModel.load(store);
        assertThat(services(store, rule("name", Operator.IN, manyAnd("payments-db", "Payments API")))).containsExactly("s1", "s2");
        assertThat(services(store, rule("name", Operator.NOT_IN, manyAnd("payments-db")))).containsExactly("s1", "s3", "s4");
        ArrayNode numbers = JsonNodeFactory.instance.arrayNode();
        IntStream.range(100, 100 + MANY).forEach(numbers::add);
        numbers.add(2).add(3.5);
        assertThat(services(store, rule("tier", Operator.IN, numbers))).containsExactly("s2", "s3");
        assertThat(services(store, rule("tags", Operator.IN, manyAnd("sql")))).containsExactly("s2");
        assertThat(services(store, rule("owners", Operator.IN, manyAnd("t2")))).containsExactly("s2");
    }

    @StoreTest
    void identifierInTakesAListLongerThanTheDatabasesParameterLimit(CatalogStore store) {
        SearchModel.load(store);
        assertThat(services(store, rule("$identifier", Operator.IN, manyAnd("s1", "s4")))).containsExactly("s1", "s4");
        assertThat(services(store, rule("$identifier", Operator.NOT_IN, manyAnd("s1", "s4")))).containsExactly("s2", "s3");
        assertThat(ids(store, null, rule("$blueprint", Operator.IN, manyAnd("group")))).containsExactly("group/g1", "group/g2");
    }

    @StoreTest
    void containsAnyTakesALongList(CatalogStore store) {
        SearchModel.load(store);
        assertThat(services(store, rule("name", Operator.CONTAINS_ANY, manyAnd("100%_")))).containsExactly("s3");
        assertThat(services(store, rule("tags", Operator.CONTAINS_ANY, manyAnd("go", "sql")))).containsExactly("s1", "s2");
        assertThat(services(store, rule("$team", Operator.CONTAINS_ANY, manyAnd("data")))).containsExactly("s2");
        ArrayNode thousand = JsonNodeFactory.instance.arrayNode();
        IntStream.range(0, 1_000).forEach(i -> thousand.add("absent " + i));
        assertThat(services(store, rule("name", Operator.CONTAINS_ANY, thousand.deepCopy().add("db")))).containsExactly("s2");
        assertThat(services(store, rule("name", Operator.CONTAINS_ANY, thousand))).isEmpty();
    }

    @StoreTest
    void relatedToTakesAListLongerThanTheDatabasesParameterLimit(CatalogStore store) {
        SearchModel.load(store);
        RelatedToRule rule = new RelatedToRule("service", manyIdentifiersAnd("s1"), Direction.UPSTREAM, true);
        assertThat(ids(store, null, rule)).containsExactly("domain/d1", "group/g1");
        RelatedToRule down = new RelatedToRule("team", manyIdentifiersAnd("t2"), Direction.DOWNSTREAM, false);
        assertThat(ids(store, null, down)).contains("service/s2")
                .isEqualTo(ids(store, null, new RelatedToRule("team", List.of("t2"), Direction.DOWNSTREAM, false)));
    }
}
