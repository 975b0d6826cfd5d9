package dev.portolan.catalog.entity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static dev.portolan.catalog.TestJson.at;
import static dev.portolan.catalog.TestJson.json;
import static dev.portolan.catalog.TestJson.object;
import static dev.portolan.catalog.TestJson.refusal;
import static dev.portolan.catalog.TestJson.violations;
import static org.assertj.core.api.Assertions.assertThat;

class EntityJsonTest {

    @Test
    void readsEveryFieldOfAnEntity() {
        EntityDraft draft = EntityJson.read(json("""
                {"identifier": "checkout", "title": "Checkout", "icon": "Cart", "team": ["payments", "platform"],
                 "blueprint": "service", "properties": {"url": "https://x.io", "n": 0.1234567890123456789},
                 "relations": {"domain": "shop", "dependsOn": ["cart"]}}
                """), "service");

        assertThat(draft.identifier()).isEqualTo("checkout");
        assertThat(draft.title().asText()).isEqualTo("Checkout");
        assertThat(draft.icon().asText()).isEqualTo("Cart");
        assertThat(draft.team()).containsExactly("payments", "platform");
        assertThat(draft.properties()).isEqualTo(json("{\"url\": \"https://x.io\", \"n\": 0.1234567890123456789}"));
        assertThat(draft.properties().get("n").decimalValue().toPlainString()).isEqualTo("0.1234567890123456789");
        assertThat(draft.relations()).isEqualTo(json("{\"domain\": \"shop\", \"dependsOn\": [\"cart\"]}"));
    }

    @Test
    void leavesAbsentFieldsAbsentSoThatAMergeKeepsThem() {
        EntityDraft draft = EntityJson.read(json("{\"identifier\": \"checkout\"}"), "service");

        assertThat(draft.title()).isNull();
        assertThat(draft.icon()).isNull();
        assertThat(draft.team()).isNull();
        assertThat(draft.properties()).isEmpty();
        assertThat(draft.relations()).isEmpty();
    }

    @Test
    void keepsExplicitNullsSoThatAMergeClearsThem() {
        EntityDraft draft = EntityJson.read(json("""
                {"identifier": "checkout", "title": null, "icon": null, "team": null, "properties": null, "relations": null}
                """), "service");

        assertThat(draft.title().isNull()).isTrue();
        assertThat(draft.icon().isNull()).isTrue();
        assertThat(draft.team()).isEmpty();
        assertThat(draft.properties()).isEmpty();
        assertThat(draft.relations()).isEmpty();
    }

    @Test
    void acceptsAnEntityWithoutIdentifier() {
        assertThat(EntityJson.read(json("{\"title\": \"Untitled\"}"), "service").identifier()).isNull();
    }

    @Test
    void takesASingleTeamNameAsAListOfOne() {
        assertThat(EntityJson.read(json("{\"identifier\": \"x\", \"team\": \"payments\"}"), "service").team())
                .containsExactly("payments");
    }

    @Test
    void keepsEachTeamOnceInTheGivenOrder() {
        assertThat(EntityJson.read(json("{\"identifier\": \"x\", \"team\": [\"b\", \"a\", \"b\"]}"), "service").team())
                .containsExactly("b", "a");
    }

    @Test
    void acceptsPortsMetaFieldsAndScorecardsInTheBody() {
        EntityDraft draft = EntityJson.read(json("""
                {"identifier": "x", "blueprint": "service", "createdAt": "2024-01-01T00:00:00Z", "createdBy": "a",
                 "updatedAt": "2024-01-01T00:00:00Z", "updatedBy": "b", "scorecards": {}}
                """), "service");

        assertThat(draft.identifier()).isEqualTo("x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"checkout\"", "1", "null"})
    void refusesABodyThatIsNotAnObjectAsMalformed(String body) {
        CatalogException refused = refusal(() -> EntityJson.read(json(body), "service"));

        assertThat(refused.problem()).isEqualTo(CatalogException.Problem.MALFORMED);
    }

    @Test
    void refusesUnknownFieldsByName() {
        List<Violation> violations = violations(() -> EntityJson.read(json("""
                {"identifier": "x", "props": {}, "Title": "X"}
                """), "service"));

        assertThat(violations).extracting(Violation::path).containsExactlyInAnyOrder("props", "Title");
        assertThat(violations.get(0).message()).contains("unknown field").contains("properties");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"a=b\"", "1", "true"})
    void refusesPropertiesThatAreNotAnObject(String value) {
        assertThat(at(violations(() -> EntityJson.read(json("{\"identifier\": \"x\", \"properties\": " + value + "}"), "service")),
                "properties").message()).startsWith("must be an object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"domain\"", "1"})
    void refusesRelationsThatAreNotAnObject(String value) {
        at(violations(() -> EntityJson.read(json("{\"identifier\": \"x\", \"relations\": " + value + "}"), "service")),
                "relations");
    }

    @ParameterizedTest
    @ValueSource(strings = {"title", "icon", "identifier"})
    void refusesNumbersWhereStringsBelong(String field) {
        Violation violation = at(violations(() -> EntityJson.read(json("{\"" + field + "\": 42}"), "service")), field);

        assertThat(violation.message()).isEqualTo("must be a string, got number");
    }

    @Test
    void refusesATeamThatIsNeitherANameNorAList() {
        at(violations(() -> EntityJson.read(json("{\"identifier\": \"x\", \"team\": {\"name\": \"a\"}}"), "service")), "team");
        at(violations(() -> EntityJson.read(json("{\"identifier\": \"x\", \"team\": 3}"), "service")), "team");
    }

    @Test
    void refusesTeamNamesThatAreNotStringsByIndex() {
        List<Violation> violations = violations(() -> EntityJson.read(json("{\"identifier\": \"x\", \"team\": [\"a\", 1, null]}"),
                "service"));

        assertThat(violations).extracting(Violation::path).containsExactly("team[1]", "team[2]");
    }

    @Test
    void refusesABlueprintOtherThanTheOneOfThePath() {
        CatalogException refused = refusal(() -> EntityJson.read(json("{\"identifier\": \"x\", \"blueprint\": \"domain\"}"), "service"));

        assertThat(refused.problem()).isEqualTo(CatalogException.Problem.INVALID);
        assertThat(refused.error()).isEqualTo("invalid_entity");
        assertThat(at(refused.violations(), "blueprint").message()).contains("'domain'").contains("'service'");
    }

    @Test
    void acceptsTheBlueprintOfThePath() {
        assertThat(EntityJson.read(json("{\"identifier\": \"x\", \"blueprint\": \"service\"}"), "service").identifier())
                .isEqualTo("x");
    }

    @Test
    void reportsEveryShapeProblemAtOnceNamingTheEntity() {
        CatalogException refused = refusal(() -> EntityJson.read(json("""
                {"identifier": "checkout", "title": 1, "icon": [], "team": 2, "properties": [], "relations": "r",
                 "blueprint": "other", "extra": true}
                """), "service"));

        assertThat(refused.violations()).extracting(Violation::path).containsExactlyInAnyOrder(
                "title", "icon", "team", "properties", "relations", "blueprint", "extra");
        assertThat(refused.getMessage()).startsWith("Entity 'checkout' is invalid: ");
    }

    @Test
    void writesPortsShape() {
        Entity entity = new Entity("checkout", "Checkout", "Cart", List.of("payments"), "service",
                object("{\"url\": \"https://x.io\"}"), object("{\"domain\": \"shop\"}"),
                Instant.parse("2024-01-01T00:00:00Z"), "alice", Instant.parse("2024-02-01T00:00:00Z"), "bob", "github");

        ObjectNode written = EntityJson.write(entity);

        assertThat(written).isEqualTo(json("""
                {"identifier": "checkout", "title": "Checkout", "icon": "Cart", "blueprint": "service", "team": ["payments"],
                 "properties": {"url": "https://x.io"}, "relations": {"domain": "shop"},
                 "createdAt": "2024-01-01T00:00:00Z", "createdBy": "alice",
                 "updatedAt": "2024-02-01T00:00:00Z", "updatedBy": "bob"}
                """));
    }

    @Test
    void writesWhatItReadsBackIntoTheSameDraft() {
        Entity entity = new Entity("checkout", "Checkout", null, List.of(), "service",
                object("{\"n\": 1}"), object("{}"), null, null, null, null, null);

        EntityDraft draft = EntityJson.read(EntityJson.write(entity), "service");

        assertThat(draft.identifier()).isEqualTo("checkout");
        assertThat(draft.title().asText()).isEqualTo("Checkout");
        assertThat(draft.team()).isEmpty();
        assertThat(draft.properties()).isEqualTo(entity.properties());
    }
}
