package dev.portolan.catalog.entity;

import dev.portolan.catalog.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.portolan.catalog.TestJson.json;
import static dev.portolan.catalog.TestJson.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ContentHashTest {

    private static final Entity BASE = entity("Checkout", "Cart", List.of("payments", "platform"),
            "{\"url\": \"https://x.io\", \"replicas\": 3, \"config\": {\"a\": 1, \"b\": [1, 2]}}",
            "{\"domain\": \"shop\", \"dependsOn\": [\"cart\", \"auth\"]}", "github");

    private static Entity entity(String title, String icon, List<String> team, String properties, String relations,
                                 String datasource) {
        return new Entity("checkout", title, icon, team, "service", object(properties), object(relations),
                Instant.parse("2024-01-01T00:00:00Z"), "alice", Instant.parse("2024-01-02T00:00:00Z"), "alice", datasource);
    }

    private static Entity withProperties(String properties) {
        return entity(BASE.title(), BASE.icon(), BASE.team(), properties, BASE.relations().toString(), BASE.datasource());
    }

    private static Entity withRelations(String relations) {
        return entity(BASE.title(), BASE.icon(), BASE.team(), BASE.properties().toString(), relations, BASE.datasource());
    }

    @Test
    void isTheSameForTheSameContent() {
        assertThat(ContentHash.of(BASE)).isEqualTo(ContentHash.of(withProperties(BASE.properties().toString())));
    }

    @Test
    void isAUrlSafeSha256() {
        assertThat(ContentHash.of(BASE)).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void ignoresKeyOrderAtEveryLevel() {
        Entity reordered = entity("Checkout", "Cart", List.of("payments", "platform"),
                "{\"config\": {\"b\": [1, 2], \"a\": 1}, \"replicas\": 3, \"url\": \"https://x.io\"}",
                "{\"dependsOn\": [\"cart\", \"auth\"], \"domain\": \"shop\"}", "github");

        assertThat(ContentHash.of(reordered)).isEqualTo(ContentHash.of(BASE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.0", "3.00", "3e0", "0.3e1", "30e-1"})
    void treatsEqualNumbersAlike(String three) {
        assertThat(ContentHash.of(withProperties(
                "{\"url\": \"https://x.io\", \"replicas\": " + three + ", \"config\": {\"a\": 1.0, \"b\": [1, 2.0]}}")))
                .isEqualTo(ContentHash.of(BASE));
    }

    @Test
    void ignoresMetaFields() {
        Entity rewritten = BASE.withMeta(Instant.parse("2030-01-01T00:00:00Z"), "bob",
                Instant.parse("2030-01-02T00:00:00Z"), "carol", BASE.datasource());

        assertThat(ContentHash.of(rewritten)).isEqualTo(ContentHash.of(BASE));
    }

    @Test
    void changesWithTheTitle() {
        assertDiffers(entity("Checkout!", "Cart", BASE.team(), BASE.properties().toString(), BASE.relations().toString(), "github"));
        assertDiffers(entity(null, "Cart", BASE.team(), BASE.properties().toString(), BASE.relations().toString(), "github"));
    }

    @Test
    void changesWithTheIcon() {
        assertDiffers(entity("Checkout", "Box", BASE.team(), BASE.properties().toString(), BASE.relations().toString(), "github"));
        assertDiffers(entity("Checkout", null, BASE.team(), BASE.properties().toString(), BASE.relations().toString(), "github"));
    }

    @Test
    void changesWithTheTeam() {
        assertDiffers(entity("Checkout", "Cart", List.of("payments"), BASE.properties().toString(), BASE.relations().toString(), "github"));
        assertDiffers(entity("Checkout", "Cart", List.of(), BASE.properties().toString(), BASE.relations().toString(), "github"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"url\": \"https://x.io/\", \"replicas\": 3, \"config\": {\"a\": 1, \"b\": [1, 2]}}",
            "{\"url\": \"https://x.io\", \"replicas\": 4, \"config\": {\"a\": 1, \"b\": [1, 2]}}",
            "{\"url\": \"https://x.io\", \"replicas\": \"3\", \"config\": {\"a\": 1, \"b\": [1, 2]}}",
            "{\"url\": \"https://x.io\", \"replicas\": 3, \"config\": {\"a\": 1, \"b\": [2, 1]}}",
            "{\"url\": \"https://x.io\", \"replicas\": 3, \"config\": {\"a\": 1, \"b\": [1, 2], \"c\": 0}}",
            "{\"url\": \"https://x.io\", \"replicas\": 3}",
            "{\"url\": \"https://x.io\", \"replicas\": 3, \"config\": {\"a\": 1, \"b\": [1, 2]}, \"new\": true}",
            "{}"})
    void changesWithAnyProperty(String properties) {
        assertDiffers(withProperties(properties));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"domain\": \"store\", \"dependsOn\": [\"cart\", \"auth\"]}",
            "{\"domain\": \"shop\", \"dependsOn\": [\"cart\"]}",
            "{\"domain\": \"shop\", \"dependsOn\": [\"auth\", \"cart\"]}",
            "{\"domain\": null, \"dependsOn\": [\"cart\", \"auth\"]}",
            "{\"dependsOn\": [\"cart\", \"auth\"]}"})
    void changesWithAnyRelation(String relations) {
        assertDiffers(withRelations(relations));
    }

    @Test
    void changesWithTheDatasource() {
        assertDiffers(BASE.withMeta(BASE.createdAt(), BASE.createdBy(), BASE.updatedAt(), BASE.updatedBy(), "gitlab"));
        assertDiffers(BASE.withMeta(BASE.createdAt(), BASE.createdBy(), BASE.updatedAt(), BASE.updatedBy(), null));
    }

    @Test
    void doesNotConfuseAValueWithItsTextualForm() {
        Entity number = withProperties("{\"v\": 1}");
        Entity text = withProperties("{\"v\": \"1\"}");
        Entity bool = withProperties("{\"v\": true}");
        Entity boolText = withProperties("{\"v\": \"true\"}");
        Entity nullValue = withProperties("{\"v\": null}");
        Entity nullText = withProperties("{\"v\": \"null\"}");

        assertThat(List.of(ContentHash.of(number), ContentHash.of(text), ContentHash.of(bool), ContentHash.of(boolText),
                ContentHash.of(nullValue), ContentHash.of(nullText))).doesNotHaveDuplicates();
    }

    @Test
    void hashesNumbersWithHugeExponentsWithoutWritingOutTheirDigits() {
        Entity huge = withProperties("{\"v\": 1e999999999, \"w\": -2.5e-999999999}");
        Entity same = withProperties("{\"v\": 10e999999998, \"w\": -25e-1000000000}");
        Entity other = withProperties("{\"v\": 1e999999998, \"w\": -2.5e-999999999}");

        String hash = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ContentHash.of(huge));

        assertThat(hash).isEqualTo(ContentHash.of(same)).isNotEqualTo(ContentHash.of(other));
    }

    @Test
    void keepsHashingOrdinaryNumbersInPlainNotation() {
        assertThat(Json.canonical(json("[100, 1e2, 1.50, 0.001, -0, 12345678901234567890, 1e-7]")))
                .isEqualTo("[100,100,1.5,0.001,0,12345678901234567890,0.0000001]");
    }

    /**
     * Hashes are stored: a resync compares the source's content with the hash written by an earlier
     * version of Portolan. Any change to how content is hashed must keep these values, or every entity
     * would look changed once after an upgrade.
     */
    @Test
    void keepsTheHashesEarlierVersionsStored() {
        Entity mixed = entity("Caf\u00e9 \"quoted\" <b>", null, List.of("t\u00e9am", "\ud83d\ude80"),
                "{\"s\": \"line\\nbreak\\ttab \\u0001 \\u2028\", \"i\": 42, \"neg\": -7, \"big\": 12345678901234567890,"
                        + " \"d\": 2.50, \"e\": 1e3, \"t\": true, \"f\": false, \"n\": null,"
                        + " \"arr\": [3, \"x\", [], {}, {\"z\": 1, \"a\": [null]}], \"o\": {\"b\": {\"c\": \"\"}, \"a\": 0}}",
                "{\"one\": \"a\", \"many\": [\"b\", \"c\"], \"none\": null}", null);

        assertThat(ContentHash.of(BASE)).isEqualTo("_00VP05ZJll4a75kLLj76-moTctW6rDveAaqS5n5h24");
        assertThat(ContentHash.of(mixed)).isEqualTo("cEwhGFr0n5PwpixHLe9RXEPa7SM5ApRqbbzSi-NRTME");
    }

    private static void assertDiffers(Entity changed) {
        assertThat(ContentHash.of(changed)).isNotEqualTo(ContentHash.of(BASE));
    }
}
