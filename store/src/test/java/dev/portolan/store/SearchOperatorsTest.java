package dev.portolan.store;

import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.StoreTest;

import static dev.portolan.store.Q.and;
import static dev.portolan.store.Q.or;
import static dev.portolan.store.Q.rule;
import static dev.portolan.store.Q.text;
import static dev.portolan.store.SearchModel.services;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every property operator on strings, numbers, booleans, dates, arrays and objects. */
class SearchOperatorsTest {

    @StoreTest
    void stringsCompareExactlyAndCaseSensitively(CatalogStore store) {
        SearchModel.load(store);
        assertThat(services(store, rule("name", "=", "'payments-db'"))).containsExactly("s2");
        assertThat(services(store, rule("name", "=", "'PAYMENTS-DB'"))).isEmpty();
        assertThat(services(store, rule("name", "!=", "'payments-db'"))).containsExactly("s1", "s3", "s4");
        assertThat(services(store, rule("name", "in", "['payments-db', 'nope']"))).containsExactly("s2");
        assertThat(services(store, rule("name", "notIn", "['payments-db', 'nope']"))).containsExactly("s1", "s3", "s4");
        assertThat(services(store, rule("name", "<", "'Q'"))).containsExactly("s1");
        assertThat(services(store, rule("name", ">=", "'Web'"))).containsExactly("s2", "s3");
        assertThat(services(store, rule("name", ">", "'Web 100%_done'"))).containsExactly("s2");
        assertThat(services(store, rule("name", "<=", "'Payments API'"))).containsExactly("s1");
    }

    @StoreTest
    void substringsPrefixesAndSuffixes(CatalogStore store) {
        SearchModel.load(store);
        assertThat(services(store, rule("name", "contains", "'ayments'"))).containsExactly("s1", "s2");
        assertThat(services(store, rule("name", "contains", "'payments'"))).containsExactly("s2");
        assertThat(services(store, rule("name", "doesNotContains", "'payments'"))).containsExactly("s1", "s3", "s4");
        assertThat(services(store, rule("name", "containsAny", "['API', '-db']"))).containsExactly("s1", "s2");
        assertThat(services(store, rule("name", "containsAny", "[]"))).isEmpty();
        assertThat(services(store, rule("name", "beginsWith", "'Pay'"))).containsExactly("s1");
        assertThat(services(store, rule("name", "doesNotBeginsWith", "'Pay'"))).containsExactly("s2", "s3", "s4");
        assertThat(services(store, rule("name", "endsWith", "'-db'"))).containsExactly("s2");
        assertThat(services(store, rule("name", "doesNotEndsWith", "'-db'"))).containsExactly("s1", "s3", "s4");
        assertThat(services(store, rule("name", "beginsWith", "''"))).containsExactly("s1", "s2", "s3");
    }

    @StoreTest
    void wildcardCharactersMatchThemselves(CatalogStore store) {
        SearchModel.load(store);
        assertThat(services(store, text("name", "contains", "%"))).containsExactly("s3");
        assertThat(services(store, text("name", "contains", "_"))).containsExactly("s3");
        assertThat(services(store, text("name", "endsWith", "%"))).isEmpty();
        assertThat(services(store, text("name", "endsWith", "_"))).isEmpty();
        assertThat(services(store, text("name", "endsWith", "%_done"))).containsExactly("s3");
        assertThat(services(store, text("name", "endsWith", "*"))).isEmpty();
        assertThat(services(store, text("name", "endsWith", "\\"))).isEmpty();
        assertThat(services(store, text("name", "beginsWith", "%"))).isEmpty();
        assertThat(services(store, text("name", "beginsWith", "[W]"))).isEmpty();
    }

    @StoreTest
    void numbersCompareAsNumbers(CatalogStore store) {
        SearchModel.load(store);
        assertThat(services(store, rule("tier", "=", "2"))).containsExactly("s2");
        assertThat(services(store, rule("tier", "=", "2.0"))).containsExactly("s2");
        assertThat(services(store, rule("tier", "=", "'2'"))).isEmpty();
        assertThat(services(store, rule("tier", "!=", "1"))).containsExactly("s2", "s3", "s4");
        assertThat(services(store, rule("tier", ">", "1"))).containsExactly("s2", "s3");
        assertThat(services(store, rule("tier", ">=", "1"))).containsExactly("s1", "s2", "s3");
        assertThat(services(store, rule("tier", "<", "3.5"))).containsExactly("s1", "s2");
        assertThat(services(store, rule("tier", "<=", "3.5"))).containsExactly("s1", "s2", "s3");
        assertThat(services(store, rule("tier", ">", "10"))).isEmpty();
        assertThat(services(store, rule("tier", "in", "[1, 3.5]"))).containsExactly("s1", "s3");
        assertThat(services(store, rule("tier", "notIn", "[1, 3.5]"))).containsExactly("s2", "s4");
    }

    @StoreTest
    void booleansAreNotNumbers(CatalogStore store) {
        SearchModel.load(store);
        assertThat(services(store, rule("active", "=", "true"))).containsExactly("s1", "s3");
        assertThat(services(store, rule("active", "=", "false"))).containsExactly("s2");
        assertThat(services(store, rule("active", "!=", "true"))).containsExactly("s2", "s4");
        assertThat(services(store, rule("active", "=", "1"))).isEmpty();
        assertThat(services(store, rule("tier", "=", "true"))).isEmpty();
    }

    @StoreTest
    void datesCompareAsIsoText(CatalogStore store) {
        SearchModel.load(store);
        assertThat(services(store, rule("since", ">", "'2024-02-01'"))).containsExactly("s2", "s3");
        assertThat(services(store, rule("since", "between", "{'from': '2024-01-01T00:00:00.000Z', 'to': '2024-12-31T23:59:59.999Z'}")))
                .containsExactly("s1", "s2");
        assertThat(services(store, rule("since", "notBetween", "{'from': '2024-01-01T00:00:00.000Z', 'to': '2024-12-31T23:59:59.999Z'}")))
                .containsExactly("s3", "s4");
    }

    @StoreTest
    void datePresetsAreRelativeToNow(CatalogStore store) {
        SearchModel.load(store);
        assertThat(services(store, rule("since", "between", "{'preset': 'lastWeek'}"))).containsExactly("s3");
        assertThat(services(store, rule("since", "between", "{'preset': 'last12Months'}"))).containsExactly("s3");
        assertThat(services(store, rule("since", "between", "{'preset': 'today'}"))).isEmpty();
        assertThat(services(store, rule("since", "notBetween", "{'preset': 'lastWeek'}"))).containsExactly("s1", "s2", "s4");
        for (String preset : DateRange.PRESETS) {
            assertThat(services(store, rule("since", "between", "{'preset': '" + preset + "'}"))).isSubsetOf("s3");
        }
        assertThatThrownBy(() -> services(store, rule("since", "between", "{'preset': 'someday'}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("someday").hasMessageContaining("lastWeek");
        assertThatThrownBy(() -> services(store, rule("since", "between", "'2024'")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("since");
    }

    @StoreTest
    void arraysMatchByElement(CatalogStore store) {
        SearchModel.load(store);
        assertThat(services(store, rule("tags", "=", "'go'"))).containsExactly("s1");
        assertThat(services(store, rule("tags", "!=", "'go'"))).containsExactly("s2", "s3", "s4");
        assertThat(services(store, rule("tags", "=", "['go', 'api']"))).containsExactly("s1");
        assertThat(services(store, rule("tags", "contains", "'sql'"))).containsExactly("s2");
        assertThat(services(store, rule("tags", "contains", "'sq'"))).isEmpty();
        assertThat(services(store, rule("tags", "doesNotContains", "'sql'"))).containsExactly("s1", "s3", "s4");
        assertThat(services(store, rule("tags", "containsAny", "['sql', 'api']"))).containsExactly("s1", "s2");
        assertThat(services(store, rule("tags", "in", "['sql', 'nope']"))).containsExactly("s2");
        assertThat(services(store, rule("tags", "notIn", "['sql']"))).containsExactly("s1", "s3", "s4");
        assertThat(services(store, rule("tags", "beginsWith", "'ap'"))).containsExactly("s1");
        assertThat(services(store, rule("tags", "isEmpty", null))).containsExactly("s3", "s4");
        assertThat(services(store, rule("tags", "isNotEmpty", null))).containsExactly("s1", "s2");
    }

    @StoreTest
    void emptinessCoversMissingNullBlankAndEmptyContainers(CatalogStore store) {
        SearchModel.load(store);
        assertThat(services(store, rule("name", "isEmpty", null))).containsExactly("s4");
        assertThat(services(store, rule("name", "isNotEmpty", null))).containsExactly("s1", "s2", "s3");
        assertThat(services(store, rule("meta", "isEmpty", null))).containsExactly("s2", "s3", "s4");
        assertThat(services(store, rule("meta", "isNotEmpty", null))).containsExactly("s1");
        assertThat(services(store, rule("notes", "contains", "'API'"))).containsExactly("s1");
        assertThat(services(store, rule("name", "=", "null"))).containsExactly("s4");
    }

    @StoreTest
    void unknownPropertiesAreMissing(CatalogStore store) {
        SearchModel.load(store);
        assertThat(services(store, rule("nope", "=", "'x'"))).isEmpty();
        assertThat(services(store, rule("nope", "!=", "'x'"))).containsExactly("s1", "s2", "s3", "s4");
        assertThat(services(store, rule("nope", "isEmpty", null))).containsExactly("s1", "s2", "s3", "s4");
    }

    @StoreTest
    void nestedAndOr(CatalogStore store) {
        SearchModel.load(store);
        assertThat(services(store, or(rule("tier", "=", "1"), and(rule("active", "=", "false"), rule("tags", "contains", "'sql'")))))
                .containsExactly("s1", "s2");
        assertThat(services(store, and(rule("active", "=", "true"), or(rule("tier", ">", "3"), rule("name", "contains", "'Web'")))))
                .containsExactly("s3");
        assertThat(services(store, and())).containsExactly("s1", "s2", "s3", "s4");
        assertThat(services(store, or())).isEmpty();
        assertThat(services(store, and(or()))).isEmpty();
        assertThat(services(store, or(and()))).containsExactly("s1", "s2", "s3", "s4");
    }

    @StoreTest
    void valuesOfTheWrongShapeAreRejectedWithTheRule(CatalogStore store) {
        SearchModel.load(store);
        assertThatThrownBy(() -> services(store, rule("tier", ">", "[1]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tier");
        assertThatThrownBy(() -> services(store, rule("name", "contains", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contains");
        assertThatThrownBy(() -> services(store, rule("name", "beginsWith", "{'a': 1}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beginsWith");
    }
}
