package dev.portolan.catalog.entity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.BlueprintJson;
import dev.portolan.catalog.json.Json;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.portolan.catalog.TestJson.at;
import static dev.portolan.catalog.TestJson.json;
import static dev.portolan.catalog.TestJson.object;
import static org.assertj.core.api.Assertions.assertThat;

class EntityRulesTest {

    private static final Blueprint SERVICE = BlueprintJson.read(json("""
            {"identifier": "service",
             "schema": {
               "properties": {
                 "name": {"type": "string"},
                 "url": {"type": "string", "format": "url"},
                 "replicas": {"type": "number", "minimum": 1},
                 "tags": {"type": "array", "items": {"type": "string"}}
               },
               "required": ["name"]},
             "relations": {
               "domain": {"target": "domain", "required": true},
               "owner": {"target": "team"},
               "dependsOn": {"target": "service", "many": true}
             }}
            """));

    private static final Blueprint EMPTY = BlueprintJson.read(json("{\"identifier\": \"note\"}"));

    private static Entity entity(String identifier, String properties, String relations) {
        return entity(identifier, List.of(), properties, relations);
    }

    private static Entity entity(String identifier, List<String> team, String properties, String relations) {
        return new Entity(identifier, identifier, null, team, "service", object(properties), object(relations),
                null, null, null, null, null);
    }

    private static List<Violation> check(String properties, String relations) {
        return EntityRules.check(entity("checkout", properties, relations), SERVICE);
    }

    private static final String VALID_RELATIONS = "{\"domain\": \"shop\"}";

    @Test
    void acceptsAnEntityThatKeepsEveryRule() {
        assertThat(check("""
                {"name": "Checkout", "url": "https://checkout.example.com", "replicas": 3, "tags": ["a", "b"]}
                """, """
                {"domain": "shop", "owner": "payments", "dependsOn": ["cart", "auth"]}
                """)).isEmpty();
    }

    @Test
    void reportsEveryViolationWithItsPath() {
        List<Violation> violations = EntityRules.check(entity("..", List.of(" "), """
                {"url": "https://ok.example", "replicas": 0, "tags": ["a", 1], "colour": "blue"}
                """, """
                {"owner": ["a"], "dependsOn": "cart", "parent": "x"}
                """), SERVICE);

        assertThat(violations).extracting(Violation::path).containsExactlyInAnyOrder(
                "identifier", "team[0]", "properties.replicas", "properties.tags[1]", "properties.colour",
                "properties.name", "relations.owner", "relations.dependsOn", "relations.parent", "relations.domain");
    }

    @Nested
    class Properties {

        @Test
        void checkEachValueAgainstItsDefinition() {
            List<Violation> violations = check("{\"name\": 7, \"url\": \"example.com\", \"replicas\": \"3\"}", VALID_RELATIONS);

            assertThat(violations).extracting(Violation::path)
                    .containsExactlyInAnyOrder("properties.name", "properties.url", "properties.replicas");
        }

        @Test
        void mustIncludeRequiredOnes() {
            Violation violation = at(check("{\"url\": \"https://x.io\"}", VALID_RELATIONS), "properties.name");

            assertThat(violation.message()).isEqualTo("is required by blueprint 'service'");
        }

        @Test
        void mayNotSetARequiredOneToNull() {
            at(check("{\"name\": null}", VALID_RELATIONS), "properties.name");
        }

        @Test
        void mayLeaveOptionalOnesNull() {
            assertThat(check("{\"name\": \"n\", \"url\": null, \"replicas\": null, \"tags\": null}", VALID_RELATIONS)).isEmpty();
        }

        @Test
        void refuseAnUnknownPropertyNamingTheBlueprintsProperties() {
            Violation violation = at(check("{\"name\": \"n\", \"colour\": \"blue\"}", VALID_RELATIONS), "properties.colour");

            assertThat(violation.message()).isEqualTo("is not a property of blueprint 'service'; it has: name, url, replicas, tags");
        }

        @Test
        void refuseAnyPropertyOfABlueprintWithoutProperties() {
            List<Violation> violations = EntityRules.check(new Entity("n", "n", null, List.of(), "note",
                    object("{\"text\": \"hi\"}"), Json.object(), null, null, null, null, null), EMPTY);

            assertThat(at(violations, "properties.text").message()).endsWith("(it has none)");
        }
    }

    @Nested
    class Relations {

        @Test
        void mustIncludeRequiredOnesNamingTheTarget() {
            Violation violation = at(check("{\"name\": \"n\"}", "{}"), "relations.domain");

            assertThat(violation.message()).contains("required").contains("'domain' entity");
        }

        @Test
        void mayNotSetARequiredOneToNull() {
            at(check("{\"name\": \"n\"}", "{\"domain\": null}"), "relations.domain");
        }

        @Test
        void mayLeaveOptionalOnesNull() {
            assertThat(check("{\"name\": \"n\"}", "{\"domain\": \"shop\", \"owner\": null, \"dependsOn\": null}")).isEmpty();
        }

        @Test
        void acceptAnEmptyManyRelation() {
            assertThat(check("{\"name\": \"n\"}", "{\"domain\": \"shop\", \"dependsOn\": []}")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"cart\"", "5", "{\"id\": \"cart\"}", "true"})
        void mustBeArraysWhenMany(String value) {
            Violation violation = at(check("{\"name\": \"n\"}", "{\"domain\": \"shop\", \"dependsOn\": " + value + "}"),
                    "relations.dependsOn");

            assertThat(violation.message()).contains("'many' relation").contains("array");
        }

        @Test
        void mustHoldIdentifiersInAManyRelationByIndex() {
            List<Violation> violations = check("{\"name\": \"n\"}", "{\"domain\": \"shop\", \"dependsOn\": [\"cart\", 2, null, {}]}");

            assertThat(violations).extracting(Violation::path)
                    .containsExactly("relations.dependsOn[1]", "relations.dependsOn[2]", "relations.dependsOn[3]");
        }

        @ParameterizedTest
        @ValueSource(strings = {"[\"payments\"]", "1", "{\"identifier\": \"payments\"}", "false"})
        void mustBeStringsWhenSingle(String value) {
            Violation violation = at(check("{\"name\": \"n\"}", "{\"domain\": \"shop\", \"owner\": " + value + "}"),
                    "relations.owner");

            assertThat(violation.message()).contains("one 'team' entity (a string)");
        }

        @Test
        void refuseAnUnknownRelationNamingTheBlueprintsRelations() {
            Violation violation = at(check("{\"name\": \"n\"}", "{\"domain\": \"shop\", \"team\": \"payments\"}"), "relations.team");

            assertThat(violation.message()).isEqualTo("is not a relation of blueprint 'service'; it has: domain, owner, dependsOn");
        }

        @Test
        void refuseAnyRelationOfABlueprintWithoutRelations() {
            List<Violation> violations = EntityRules.check(new Entity("n", "n", null, List.of(), "note",
                    Json.object(), object("{\"owner\": \"x\"}"), null, null, null, null, null), EMPTY);

            assertThat(at(violations, "relations.owner").message()).endsWith("(it has none)");
        }
    }

    @Nested
    class Identifiers {

        private List<Violation> violationsOf(String identifier) {
            return EntityRules.check(new Entity(identifier, "t", null, List.of(), "note",
                    Json.object(), Json.object(), null, null, null, null, null), EMPTY);
        }

        @ParameterizedTest
        @ValueSource(strings = {"checkout", "Checkout-Service_2", "a/b:c=d+e@f_g.h-i", "ünïcödé", "日本語のサービス", "сервис",
                "خدمة", "café", "...", ".hidden", "a..b", "v1.2.3", "github.com/org/repo", "x"})
        void acceptWhatPortAccepts(String identifier) {
            assertThat(violationsOf(identifier)).isEmpty();
        }

        @Test
        void acceptOneThousandCharacters() {
            assertThat(violationsOf("x".repeat(1000))).isEmpty();
        }

        @Test
        void refuseOneThousandAndOneCharacters() {
            assertThat(violationsOf("x".repeat(1001))).extracting(Violation::path).containsExactly("identifier");
        }

        @ParameterizedTest
        @ValueSource(strings = {".", "..", "", " ", "a b", " a", "a ", "tab\tin", "new\nline", "a'b", "a\"b", "a;b",
                "x' OR '1'='1", "a#b", "a?b", "a%20b", "a*b", "a,b", "<script>", "a|b", "a&b", "(a)", "😀"})
        void refuseAnythingElse(String identifier) {
            Violation violation = at(violationsOf(identifier), "identifier");

            assertThat(violation.message()).contains("is not valid").contains("not '.' or '..'");
        }

        @Test
        void refuseAMissingIdentifier() {
            at(violationsOf(null), "identifier");
        }

        @Test
        void abbreviateALongIdentifierInTheMessage() {
            assertThat(at(violationsOf("y".repeat(5000)), "identifier").message()).hasSizeLessThan(300);
        }
    }

    @Test
    void refusesBlankTeamNamesByIndex() {
        List<Violation> violations = EntityRules.check(entity("checkout", List.of("payments", "", "  "), "{\"name\": \"n\"}",
                VALID_RELATIONS), SERVICE);

        assertThat(violations).extracting(Violation::path).containsExactly("team[1]", "team[2]");
    }

    @Test
    void leavesTheEntityUnchanged() {
        Entity entity = entity("checkout", "{\"name\": 1, \"x\": 2}", "{\"y\": 3}");
        ObjectNode properties = entity.properties().deepCopy();

        EntityRules.check(entity, SERVICE);

        assertThat(entity.properties()).isEqualTo(properties);
    }
}
