package dev.portolan.catalog.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.json.Json;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.portolan.catalog.TestJson.at;
import static dev.portolan.catalog.TestJson.json;
import static dev.portolan.catalog.TestJson.refusal;
import static dev.portolan.catalog.TestJson.violations;
import static org.assertj.core.api.Assertions.assertThat;

class QueryParserTest {

    /** A query whose only rule is {@code rule}. */
    private static Query parseRule(String rule) {
        return QueryParser.parse(json("{\"combinator\": \"and\", \"rules\": [" + rule + "]}"));
    }

    private static SearchNode onlyRule(String rule) {
        List<SearchNode> rules = parseRule(rule).rules();
        assertThat(rules).hasSize(1);
        return rules.get(0);
    }

    private static List<Violation> violationsOfRule(String rule) {
        return violations(() -> parseRule(rule));
    }

    private static ObjectNode rule(String property, String operator, String value) {
        ObjectNode rule = Json.object().put("property", property).put("operator", operator);
        if (value != null) rule.set("value", json(value));
        return rule;
    }

    @Nested
    class PropertyRules {

        @ParameterizedTest(name = "{0} with {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                =                 | "prod"                                                   | EQ
                =                 | 3                                                        | EQ
                =                 | true                                                     | EQ
                =                 | null                                                     | EQ
                !=                | "prod"                                                   | NEQ
                >                 | 3                                                        | GT
                >=                | "2024-01-01T00:00:00Z"                                   | GTE
                <                 | 2.5                                                      | LT
                <=                | "2024-01-01T00:00:00Z"                                   | LTE
                between           | {"from": "2024-01-01T00:00:00Z", "to": "2024-02-01T00:00:00+02:00"} | BETWEEN
                between           | {"preset": "lastWeek"}                                   | BETWEEN
                notBetween        | {"preset": "today"}                                      | NOT_BETWEEN
                contains          | "check"                                                  | CONTAINS
                doesNotContains   | "check"                                                  | DOES_NOT_CONTAIN
                containsAny       | ["a", "b"]                                               | CONTAINS_ANY
                beginsWith        | "check"                                                  | BEGINS_WITH
                doesNotBeginsWith | "check"                                                  | DOES_NOT_BEGIN_WITH
                endsWith          | "out"                                                    | ENDS_WITH
                doesNotEndsWith   | "out"                                                    | DOES_NOT_END_WITH
                in                | ["prod", "staging"]                                      | IN
                notIn             | [1, 2, true]                                             | NOT_IN
                in                | []                                                       | IN
                """)
        void parseEveryOperator(String operator, String value, Operator expected) {
            SearchNode node = onlyRule(rule("env", operator, value).toString());

            assertThat(node).isEqualTo(new PropertyRule("env", expected, json(value)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"isEmpty", "isNotEmpty"})
        void parseUnaryOperatorsWithoutAValue(String operator) {
            PropertyRule rule = (PropertyRule) onlyRule(rule("env", operator, null).toString());

            assertThat(rule.operator().wire()).isEqualTo(operator);
            assertThat(rule.operator().isUnary()).isTrue();
            assertThat(rule.value()).isNull();
        }

        @Test
        void knowEveryOperatorOfDesignMd() {
            assertThat(java.util.Arrays.stream(Operator.values()).map(Operator::wire)).containsExactlyInAnyOrder(
                    "=", "!=", ">", ">=", "<", "<=", "between", "notBetween", "contains", "doesNotContains", "containsAny",
                    "beginsWith", "doesNotBeginsWith", "endsWith", "doesNotEndsWith", "in", "notIn", "isEmpty", "isNotEmpty");
        }

        @ParameterizedTest
        @ValueSource(strings = {"$identifier", "$title", "$team", "$blueprint", "$icon", "$createdAt", "$updatedAt",
                "$createdBy", "$updatedBy", "$datasource"})
        void acceptEveryMetaProperty(String property) {
            PropertyRule rule = (PropertyRule) onlyRule(rule(property, "=", "\"x\"").toString());

            assertThat(rule.property()).isEqualTo(property);
            assertThat(MetaProperty.fromWire(property)).isPresent();
        }

        @ParameterizedTest
        @ValueSource(strings = {"env", "my_prop-2", "owner@team", "_", "A1"})
        void acceptPropertyAndRelationIdentifiers(String property) {
            assertThat(((PropertyRule) onlyRule(rule(property, "=", "1").toString())).property()).isEqualTo(property);
        }

        @Test
        void acceptAPropertyNameOfOneHundredCharacters() {
            String property = "a".repeat(100);

            assertThat(((PropertyRule) onlyRule(rule(property, "=", "1").toString())).property()).isEqualTo(property);
        }
    }

    @Nested
    class RelatedTo {

        @Test
        void takesOneIdentifierAndWalksBothWaysByDefault() {
            SearchNode node = onlyRule("{\"operator\": \"relatedTo\", \"blueprint\": \"domain\", \"value\": \"shop\"}");

            assertThat(node).isEqualTo(new RelatedToRule("domain", List.of("shop"), Direction.BOTH, false));
        }

        @Test
        void takesAnArrayOfIdentifiers() {
            SearchNode node = onlyRule("{\"operator\": \"relatedTo\", \"blueprint\": \"domain\", \"value\": [\"shop\", \"billing\"]}");

            assertThat(node).isEqualTo(new RelatedToRule("domain", List.of("shop", "billing"), Direction.BOTH, false));
        }

        @ParameterizedTest
        @CsvSource({"upstream, UPSTREAM", "downstream, DOWNSTREAM"})
        void takesADirection(String wire, Direction direction) {
            RelatedToRule rule = (RelatedToRule) onlyRule(
                    "{\"operator\": \"relatedTo\", \"blueprint\": \"domain\", \"value\": \"shop\", \"direction\": \"" + wire + "\"}");

            assertThat(rule.direction()).isEqualTo(direction);
        }

        @Test
        void takesRequired() {
            RelatedToRule rule = (RelatedToRule) onlyRule(
                    "{\"operator\": \"relatedTo\", \"blueprint\": \"domain\", \"value\": \"shop\", \"required\": true}");

            assertThat(rule.required()).isTrue();
        }

        @Test
        void keepsIdentifiersThatAreOddAsValuesNotAsSql() {
            RelatedToRule rule = (RelatedToRule) onlyRule(
                    "{\"operator\": \"relatedTo\", \"blueprint\": \"domain\", \"value\": \"x' OR '1'='1\"}");

            assertThat(rule.identifiers()).containsExactly("x' OR '1'='1");
        }

        @ParameterizedTest
        @ValueSource(strings = {"sideways", "UPSTREAM", "both", "1"})
        void refusesAnUnknownDirection(String direction) {
            at(violationsOfRule("{\"operator\": \"relatedTo\", \"blueprint\": \"d\", \"value\": \"s\", \"direction\": \""
                    + direction + "\"}"), "rules[0].direction");
        }

        @Test
        void refusesRequiredThatIsNotABoolean() {
            at(violationsOfRule("{\"operator\": \"relatedTo\", \"blueprint\": \"d\", \"value\": \"s\", \"required\": \"yes\"}"),
                    "rules[0].required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", ", \"blueprint\": 3", ", \"blueprint\": \"x' OR '1'='1\"", ", \"blueprint\": \"\""})
        void needsTheBlueprintOfTheGivenEntity(String blueprint) {
            at(violationsOfRule("{\"operator\": \"relatedTo\", \"value\": \"s\"" + blueprint + "}"), "rules[0].blueprint");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", ", \"value\": []", ", \"value\": 5", ", \"value\": {\"identifier\": \"s\"}", ", \"value\": null"})
        void needsAnIdentifierOrAnArrayOfThem(String value) {
            at(violationsOfRule("{\"operator\": \"relatedTo\", \"blueprint\": \"d\"" + value + "}"), "rules[0].value");
        }

        @Test
        void refusesIdentifiersThatAreNotStrings() {
            at(violationsOfRule("{\"operator\": \"relatedTo\", \"blueprint\": \"d\", \"value\": [\"s\", 2]}"), "rules[0].value");
        }
    }

    @Nested
    class Queries {

        @Test
        void nest() {
            Query query = QueryParser.parse(json("""
                    {"combinator": "or", "rules": [
                      {"property": "env", "operator": "=", "value": "prod"},
                      {"combinator": "and", "rules": [
                        {"property": "$team", "operator": "containsAny", "value": ["payments"]},
                        {"operator": "relatedTo", "blueprint": "domain", "value": "shop", "direction": "upstream"}
                      ]}
                    ]}
                    """));

            assertThat(query).isEqualTo(new Query(Combinator.OR, List.of(
                    new PropertyRule("env", Operator.EQ, json("\"prod\"")),
                    new Query(Combinator.AND, List.of(
                            new PropertyRule("$team", Operator.CONTAINS_ANY, json("[\"payments\"]")),
                            new RelatedToRule("domain", List.of("shop"), Direction.UPSTREAM, false))))));
        }

        @ParameterizedTest
        @CsvSource({"and, AND", "or, OR"})
        void mayBeEmpty(String wire, Combinator combinator) {
            Query query = QueryParser.parse(json("{\"combinator\": \"" + wire + "\", \"rules\": []}"));

            assertThat(query).isEqualTo(new Query(combinator, List.of()));
            assertThat(combinator.wire()).isEqualTo(wire);
        }

        @Test
        void mayNestTwentyLevels() {
            assertThat(depthOf(QueryParser.parse(nested(20)))).isEqualTo(21);
        }

        @Test
        void mayNotNestDeeper() {
            Violation violation = violations(() -> QueryParser.parse(nested(25))).get(0);

            assertThat(violation.path()).startsWith("rules[0].rules[0].rules[0]");
            assertThat(violation.message()).contains("at most 20 levels");
        }

        @Test
        void mayNotNestAbsurdlyDeepEither() {
            assertThat(refusal(() -> QueryParser.parse(nested(150))).problem()).isEqualTo(CatalogException.Problem.INVALID);
        }

        private static ObjectNode nested(int levels) {
            ObjectNode query = (ObjectNode) json("{\"combinator\": \"and\", \"rules\": [{\"property\": \"a\", \"operator\": \"isEmpty\"}]}");
            for (int i = 0; i < levels; i++) {
                ObjectNode outer = Json.object().put("combinator", "or");
                outer.putArray("rules").add(query);
                query = outer;
            }
            return query;
        }

        private static int depthOf(SearchNode node) {
            return node instanceof Query q ? 1 + q.rules().stream().mapToInt(Queries::depthOf).max().orElse(0) : 0;
        }

        @ParameterizedTest
        @ValueSource(strings = {"xor", "AND", "Or", "", "1"})
        void needAKnownCombinator(String combinator) {
            at(violations(() -> QueryParser.parse(json("{\"combinator\": \"" + combinator + "\", \"rules\": []}"))), "combinator");
        }

        @Test
        void needACombinatorAndRules() {
            List<Violation> violations = violations(() -> QueryParser.parse(json("{}")));

            assertThat(violations).extracting(Violation::path).containsExactlyInAnyOrder("combinator", "rules");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{}", "\"x\"", "null"})
        void needRulesThatAreAnArray(String rules) {
            at(violations(() -> QueryParser.parse(json("{\"combinator\": \"and\", \"rules\": " + rules + "}"))), "rules");
        }

        @Test
        void refuseUnknownKeysAtTheirPath() {
            List<Violation> violations = violations(() -> QueryParser.parse(json("""
                    {"combinator": "and", "rules": [{"combinator": "or", "rules": [], "negate": true}], "orderBy": "x"}
                    """)));

            assertThat(violations).extracting(Violation::path).containsExactlyInAnyOrder("rules[0].negate", "orderBy");
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "\"and\"", "null", "1"})
        void mustBeObjects(String body) {
            assertThat(violations(() -> QueryParser.parse(json(body)))).extracting(Violation::path).containsExactly("");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"env = prod\"", "[]", "1", "null"})
        void refuseRulesThatAreNotObjects(String rule) {
            at(violationsOfRule(rule), "rules[0]");
        }
    }

    @Nested
    class Errors {

        @Test
        void nameAnUnknownOperatorAndListTheAllowedOnes() {
            Violation violation = at(violationsOfRule(rule("env", "like", "\"%x%\"").toString()), "rules[0].operator");

            assertThat(violation.message()).startsWith("unknown operator 'like'; allowed: ")
                    .contains("=", "!=", "between", "doesNotContains", "containsAny", "isNotEmpty", "relatedTo");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"property\": \"env\", \"value\": 1}", "{\"property\": \"env\", \"operator\": 1, \"value\": 1}"})
        void needAnOperator(String rule) {
            assertThat(at(violationsOfRule(rule), "rules[0].operator").message()).isEqualTo("is required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"=", "!=", ">", ">=", "<", "<=", "between", "notBetween", "contains", "doesNotContains",
                "containsAny", "beginsWith", "doesNotBeginsWith", "endsWith", "doesNotEndsWith", "in", "notIn"})
        void needAValueForEveryBinaryOperator(String operator) {
            at(violationsOfRule(rule("env", operator, null).toString()), "rules[0].value");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                in              | "prod"
                in              | {"a": 1}
                notIn           | 1
                containsAny     | "a,b"
                =               | {"a": 1}
                !=              | {}
                >               | true
                >               | [1]
                <=              | null
                contains        | ["a"]
                contains        | {}
                contains        | null
                beginsWith      | []
                endsWith        | null
                between         | "2024-01-01T00:00:00Z"
                between         | ["2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z"]
                between         | {}
                between         | {"from": "2024-01-01T00:00:00Z"}
                notBetween      | {"to": "2024-01-01T00:00:00Z"}
                between         | {"from": 1, "to": 2}
                """)
        void refuseAValueOfTheWrongShape(String operator, String value) {
            at(violationsOfRule(rule("env", operator, value).toString()), "rules[0].value");
        }

        @Test
        void refuseArrayItemsThatAreNotScalarsByIndex() {
            List<Violation> violations = violationsOfRule(rule("env", "in", "[\"a\", {\"b\": 1}, null, [1]]").toString());

            assertThat(violations).extracting(Violation::path)
                    .containsExactly("rules[0].value[1]", "rules[0].value[2]", "rules[0].value[3]");
        }

        @ParameterizedTest
        @ValueSource(strings = {"lastDecade", "LastWeek", "", "1"})
        void refuseAnUnknownPresetListingTheAllowedOnes(String preset) {
            Violation violation = at(violationsOfRule(rule("$createdAt", "between", "{\"preset\": \"" + preset + "\"}").toString()),
                    "rules[0].value.preset");

            assertThat(violation.message()).contains("allowed: ").contains("lastWeek", "today", "last12Months");
        }

        @ParameterizedTest
        @ValueSource(strings = {"today", "tomorrow", "yesterday", "lastWeek", "last2Weeks", "lastMonth", "last3Months",
                "last6Months", "last12Months"})
        void acceptEveryPreset(String preset) {
            PropertyRule rule = (PropertyRule) onlyRule(rule("$updatedAt", "notBetween", "{\"preset\": \"" + preset + "\"}").toString());

            assertThat(rule.value().get("preset").asText()).isEqualTo(preset);
        }

        @Test
        void refuseRangeEndsThatAreNotDateTimesByName() {
            List<Violation> violations = violationsOfRule(
                    rule("$createdAt", "between", "{\"from\": \"yesterday\", \"to\": \"2024-01-01\"}").toString());

            assertThat(violations).extracting(Violation::path).containsExactly("rules[0].value.from", "rules[0].value.to");
        }

        @ParameterizedTest
        @ValueSource(strings = {"x' OR '1'='1", "a\"b", "properties->>'x'", "a; DROP TABLE entities; --", "a b", "a.b",
                "properties.x", "x)", "", "é", "a\u0000b", "x'--", "/*x*/", "\\x"})
        void refuseInvalidPropertyNamesSuchAsInjectionAttempts(String property) {
            Violation violation = at(violationsOfRule(rule(property, "=", "1").toString()), "rules[0].property");

            assertThat(violation.message()).contains("is not a valid property identifier");
        }

        @Test
        void refuseAPropertyNameLongerThanAnIdentifier() {
            at(violationsOfRule(rule("a".repeat(101), "=", "1").toString()), "rules[0].property");
        }

        @ParameterizedTest
        @ValueSource(strings = {"$id", "$Identifier", "$", "$properties", "$identifier'--", "$$title"})
        void refuseUnknownMetaPropertiesListingTheAllowedOnes(String property) {
            Violation violation = at(violationsOfRule(rule(property, "=", "1").toString()), "rules[0].property");

            assertThat(violation.message()).contains("unknown meta-property").contains("$identifier", "$team", "$datasource");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"operator\": \"=\", \"value\": 1}", "{\"property\": 5, \"operator\": \"=\", \"value\": 1}",
                "{\"property\": null, \"operator\": \"=\", \"value\": 1}"})
        void needAProperty(String rule) {
            at(violationsOfRule(rule), "rules[0].property");
        }

        @Test
        void areReportedTogetherKeyedByPath() {
            CatalogException refused = refusal(() -> QueryParser.parse(json("""
                    {"combinator": "and", "rules": [
                      {"property": "env", "operator": "like", "value": "x"},
                      {"property": "x' OR '1'='1", "operator": "=", "value": 1},
                      {"combinator": "or", "rules": [
                        {"property": "tags", "operator": "in", "value": "a"},
                        {"property": "$createdAt", "operator": "between", "value": {"preset": "someday"}},
                        {"operator": "relatedTo", "value": "shop", "direction": "up"}
                      ]}
                    ]}
                    """)));

            assertThat(refused.problem()).isEqualTo(CatalogException.Problem.INVALID);
            assertThat(refused.error()).isEqualTo("invalid_search_query");
            assertThat(refused.violations()).extracting(Violation::path).containsExactlyInAnyOrder(
                    "rules[0].operator", "rules[1].property", "rules[2].rules[0].value", "rules[2].rules[1].value.preset",
                    "rules[2].rules[2].blueprint", "rules[2].rules[2].direction");
            assertThat(refused.getMessage()).startsWith("The search query is invalid: ").contains("rules[1].property");
        }
    }
}
