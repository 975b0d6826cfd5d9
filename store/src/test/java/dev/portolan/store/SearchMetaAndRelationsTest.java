package dev.portolan.store;

import dev.portolan.catalog.search.Direction;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.store.testing.StoreTest;

import static dev.portolan.store.Q.and;
import static dev.portolan.store.Q.related;
import static dev.portolan.store.Q.rule;
import static dev.portolan.store.Q.text;
import static dev.portolan.store.SearchModel.ids;
import static dev.portolan.store.SearchModel.services;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Meta-properties, relations compared as properties, and relatedTo in every direction. */
class SearchMetaAndRelationsTest {

    @StoreTest
    void metaPropertiesOfText(CatalogStore store) {
        SearchModel.load(store);
        assertThat(services(store, rule("$identifier", "=", "'s2'"))).containsExactly("s2");
        assertThat(services(store, rule("$identifier", "in", "['s1', 's3', 'zz']"))).containsExactly("s1", "s3");
        assertThat(services(store, rule("$identifier", "beginsWith", "'s'"))).containsExactly("s1", "s2", "s3", "s4");
        assertThat(services(store, rule("$identifier", ">", "'s2'"))).containsExactly("s3", "s4");
        assertThat(services(store, text("$title", "=", "x' OR '1'='1"))).containsExactly("s3");
        assertThat(services(store, rule("$title", "contains", "'S'"))).containsExactly("s1", "s2", "s4");
        assertThat(services(store, rule("$icon", "=", "'Go'"))).containsExactly("s1");
        assertThat(services(store, rule("$icon", "isEmpty", null))).containsExactly("s2", "s3", "s4");
        assertThat(services(store, rule("$createdBy", "=", "'bob'"))).containsExactly("s2");
        assertThat(services(store, rule("$updatedBy", "!=", "'carol'"))).containsExactly("s1", "s3", "s4");
        assertThat(services(store, rule("$datasource", "=", "'github'"))).containsExactly("s1");
        assertThat(services(store, rule("$datasource", "isEmpty", null))).containsExactly("s2", "s3", "s4");
        assertThat(ids(store, null, rule("$blueprint", "in", "['group', 'team']"))).containsExactly("group/g1", "group/g2", "team/t1", "team/t2");
    }

    @StoreTest
    void teamHasArraySemantics(CatalogStore store) {
        SearchModel.load(store);
        assertThat(services(store, rule("$team", "=", "'platform'"))).containsExactly("s1", "s2");
        assertThat(services(store, rule("$team", "contains", "'data'"))).containsExactly("s2");
        assertThat(services(store, rule("$team", "in", "['data', 'nope']"))).containsExactly("s2");
        assertThat(services(store, rule("$team", "notIn", "['data']"))).containsExactly("s1", "s3", "s4");
        assertThat(services(store, rule("$team", "isEmpty", null))).containsExactly("s3", "s4");
    }

    @StoreTest
    void timestampsCompareAsInstants(CatalogStore store) {
        SearchModel.load(store);
        assertThat(services(store, rule("$createdAt", ">", "'2024-05-01T10:30:00Z'"))).containsExactly("s2");
        assertThat(services(store, rule("$createdAt", "=", "'2024-05-01T10:00:00.123456789Z'"))).containsExactly("s1", "s3", "s4");
        assertThat(services(store, rule("$createdAt", "<=", "'2024-05-01T12:00:00+01:00'"))).containsExactly("s1", "s3", "s4");
        assertThat(services(store, rule("$updatedAt", "between", "{'from': '2024-05-01T11:00:00Z', 'to': '2024-05-01T13:00:00Z'}")))
                .containsExactly("s2");
        assertThat(services(store, rule("$updatedAt", "notBetween", "{'from': '2024-05-01', 'to': '2024-05-02'}"))).isEmpty();
        assertThat(services(store, rule("$createdAt", "between", "{'preset': 'today'}"))).isEmpty();
        assertThatThrownBy(() -> services(store, rule("$createdAt", ">", "'yesterday-ish'")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$createdAt").hasMessageContaining("yesterday-ish");
    }

    @StoreTest
    void relationsCompareWithTheRelatedIdentifiers(CatalogStore store) {
        SearchModel.load(store);
        assertThat(services(store, rule("domain", "=", "'d1'"))).containsExactly("s1", "s2");
        assertThat(services(store, rule("domain", "!=", "'d1'"))).containsExactly("s3", "s4");
        assertThat(services(store, rule("owners", "=", "'t2'"))).containsExactly("s2");
        assertThat(services(store, rule("owners", "in", "['t1', 't2']"))).containsExactly("s1", "s2");
        assertThat(services(store, rule("owners", "isEmpty", null))).containsExactly("s3", "s4");
        assertThat(services(store, rule("dependsOn", "contains", "'s2'"))).containsExactly("s1");
        // On domain, 'group' is both a property and a relation: the relation wins.
        assertThat(ids(store, "domain", rule("group", "=", "'g1'"))).containsExactly("d1");
        // Across blueprints, the name is a relation where declared and a property elsewhere.
        assertThat(ids(store, null, rule("domain", "=", "'d1'"))).containsExactly("service/s1", "service/s2");
        assertThat(ids(store, null, rule("cluster", "=", "'eu'"))).containsExactly("deployment/dep1");
    }

    @StoreTest
    void relatedToUpstreamFollowsWhatTheEntityPointsAt(CatalogStore store) {
        SearchModel.load(store);
        assertThat(ids(store, null, related("service", Direction.UPSTREAM, false, "s1")))
                .containsExactly("domain/d1", "group/g1", "service/s2", "team/t1", "team/t2");
        assertThat(ids(store, null, related("service", Direction.UPSTREAM, true, "s1")))
                .containsExactly("domain/d1", "group/g1");
        assertThat(ids(store, null, related("deployment", Direction.UPSTREAM, true, "dep2")))
                .containsExactly("domain/d1", "group/g1", "service/s2");
    }

    @StoreTest
    void relatedToDownstreamFindsWhatPointsAtTheEntity(CatalogStore store) {
        SearchModel.load(store);
        assertThat(ids(store, null, related("group", Direction.DOWNSTREAM, false, "g1")))
                .containsExactly("deployment/dep1", "deployment/dep2", "domain/d1", "service/s1", "service/s2");
        assertThat(ids(store, null, related("group", Direction.DOWNSTREAM, true, "g1")))
                .containsExactly("deployment/dep1", "deployment/dep2", "domain/d1", "service/s1", "service/s2");
        assertThat(ids(store, null, related("team", Direction.DOWNSTREAM, false, "t2")))
                .containsExactly("deployment/dep1", "deployment/dep2", "service/s1", "service/s2");
        assertThat(ids(store, null, related("team", Direction.DOWNSTREAM, true, "t2"))).isEmpty();
    }

    @StoreTest
    void relatedToBothIsTheUnionOfTheTwoWalks(CatalogStore store) {
        SearchModel.load(store);
        assertThat(ids(store, null, related("domain", Direction.BOTH, false, "d2")))
                .containsExactly("group/g2", "service/s3", "service/s4");
        // dep2 shares s2 with dep1's walk but is neither upstream nor downstream of dep1.
        assertThat(ids(store, null, related("deployment", Direction.BOTH, true, "dep1")))
                .containsExactly("domain/d1", "group/g1", "service/s1");
        assertThat(ids(store, null, related("deployment", null, false, "dep1")))
                .doesNotContain("deployment/dep2", "deployment/dep1");
    }

    @StoreTest
    void relatedToManyEntitiesCombinesWithOtherRules(CatalogStore store) {
        SearchModel.load(store);
        assertThat(ids(store, null, related("domain", Direction.DOWNSTREAM, true, "d1", "d2")))
                .containsExactly("deployment/dep1", "deployment/dep2", "service/s1", "service/s2", "service/s3", "service/s4");
        assertThat(services(store, and(related("group", Direction.DOWNSTREAM, false, "g1"), rule("tier", ">", "1"))))
                .containsExactly("s2");
        assertThat(ids(store, "deployment", related("domain", Direction.DOWNSTREAM, false, "d1"))).containsExactly("dep1", "dep2");
        assertThat(ids(store, null, related("domain", Direction.DOWNSTREAM, false, "nope"))).isEmpty();
        assertThat(ids(store, null, related("nope", Direction.BOTH, false, "d1"))).isEmpty();
        assertThat(ids(store, null, related("domain", Direction.BOTH, false))).isEmpty();
    }
}
