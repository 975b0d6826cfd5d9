package dev.portolan.catalog.entity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.blueprint.PropertyDefinition;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static dev.portolan.catalog.TestJson.json;
import static dev.portolan.catalog.TestJson.object;
import static org.assertj.core.api.Assertions.assertThat;

class PropertyValueRulesTest {

    private static List<Violation> check(String definition, String value) {
        return check(definition, json(value));
    }

    private static List<Violation> check(String definition, JsonNode value) {
        List<Violation> violations = new ArrayList<>();
        PropertyValueRules.check("properties.x", PropertyDefinition.of(object(definition)), value, violations);
        return violations;
    }

    private static List<Violation> checkText(String definition, String text) {
        return check(definition, dev.portolan.catalog.json.Json.MAPPER.getNodeFactory().textNode(text));
    }

    @Nested
    class Types {

        @ParameterizedTest(name = "{0} refuses {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                string  | 1
                string  | true
                string  | {}
                string  | ["a"]
                number  | "1"
                number  | true
                number  | [1]
                number  | {"n": 1}
                boolean | "true"
                boolean | 1
                boolean | 0
                boolean | []
                object  | []
                object  | "{}"
                object  | 1
                array   | {}
                array   | "a,b"
                array   | false
                """)
        void refuseAValueOfAnotherType(String type, String value) {
            List<Violation> violations = check("{\"type\": \"" + type + "\"}", value);

            assertThat(violations).singleElement().satisfies(v -> {
                assertThat(v.path()).isEqualTo("properties.x");
                assertThat(v.message()).startsWith("must be of type " + type + ", got ");
            });
        }

        @ParameterizedTest(name = "{0} accepts {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                string  | ""
                string  | "text"
                number  | 0
                number  | -1.5
                number  | 1e300
                boolean | false
                object  | {"any": ["thing"]}
                array   | []
                array   | [1, "a", null, {}]
                """)
        void acceptAValueOfTheirType(String type, String value) {
            assertThat(check("{\"type\": \"" + type + "\"}", value)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"string", "number", "boolean", "object", "array"})
        void acceptNullAsAnUnsetValue(String type) {
            assertThat(check("{\"type\": \"" + type + "\", \"minLength\": 1, \"minItems\": 1}", "null")).isEmpty();
            assertThat(check("{\"type\": \"" + type + "\"}", (JsonNode) null)).isEmpty();
        }

        @Test
        void nameTheTypeAndShowTheValue() {
            assertThat(check("{\"type\": \"number\"}", "\"12\"").get(0).message()).isEqualTo("must be of type number, got string \"12\"");
        }

        @Test
        void abbreviateLongValuesInMessages() {
            String message = checkText("{\"type\": \"string\", \"pattern\": \"^y\"}", "x".repeat(500)).get(0).message();

            assertThat(message.length()).isLessThan(200);
            assertThat(message).endsWith("...");
        }
    }

    @Nested
    class Formats {

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                date-time | 2024-05-01T12:00:00Z
                date-time | 2024-05-01T12:00:00+02:00
                timer     | 2030-01-01T00:00:00Z
                url       | https://example.com/x
                email     | dev@example.com
                user      | dev@example.com
                idn-email | josé@exämple.com
                ipv4      | 10.0.0.1
                ipv6      | ::1
                ipv6      | 2001:db8::8a2e:370:7334
                ipv6      | ::ffff:192.168.0.1
                markdown  | # Title
                yaml      | a: 1
                team      | platform
                proto     | syntax = "proto3";
                """)
        void acceptValidStrings(String format, String text) {
            assertThat(checkText("{\"type\": \"string\", \"format\": \"" + format + "\"}", text)).isEmpty();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                date-time | 2024-05-01T12:00:00
                date-time | 01/05/2024
                timer     | tomorrow
                url       | example.com
                email     | dev@example
                user      | dev
                idn-email | josé
                ipv4      | 256.1.1.1
                ipv6      | 1:2:3
                """)
        void refuseInvalidStringsDescribingTheFormat(String format, String text) {
            List<Violation> violations = checkText("{\"type\": \"string\", \"format\": \"" + format + "\"}", text);

            assertThat(violations).singleElement().satisfies(v -> {
                assertThat(v.path()).isEqualTo("properties.x");
                assertThat(v.message()).startsWith("must be a valid " + format + " (").contains(text);
            });
        }

        @Test
        void acceptALabeledUrlObject() {
            assertThat(check("{\"type\": \"object\", \"format\": \"labeled-url\"}",
                    "{\"url\": \"https://grafana.example.com/d/1\", \"displayText\": \"Dashboard\"}")).isEmpty();
            assertThat(check("{\"type\": \"object\", \"format\": \"labeled-url\"}", "{\"url\": \"https://x.io\"}")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"displayText\": \"Dashboard\"}", "{\"url\": \"not a url\"}", "{\"url\": 5}", "{}"})
        void refuseALabeledUrlWithoutAValidUrl(String value) {
            assertThat(check("{\"type\": \"object\", \"format\": \"labeled-url\"}", value))
                    .extracting(Violation::path).containsExactly("properties.x");
        }

        @Test
        void applyToEachItemOfAnArrayByIndex() {
            List<Violation> violations = check("{\"type\": \"array\", \"items\": {\"type\": \"string\", \"format\": \"email\"}}",
                    "[\"a@example.com\", \"nope\", \"b@example.com\", \"also nope\"]");

            assertThat(violations).extracting(Violation::path).containsExactly("properties.x[1]", "properties.x[3]");
        }

        @Test
        void applyToEachItemOfAnArrayWithAFormatButNoItems() {
            List<Violation> violations = check("{\"type\": \"array\", \"format\": \"user\"}", "[\"a@example.com\", 5, \"x\"]");

            assertThat(violations).extracting(Violation::path).containsExactly("properties.x[1]", "properties.x[2]");
        }
    }

    @Nested
    class Enums {

        @Test
        void acceptAListedValue() {
            assertThat(check("{\"type\": \"string\", \"enum\": [\"prod\", \"staging\"]}", "\"prod\"")).isEmpty();
        }

        @Test
        void refuseAnUnlistedValueListingTheAllowedOnes() {
            List<Violation> violations = check("{\"type\": \"string\", \"enum\": [\"prod\", \"staging\"]}", "\"Prod\"");

            assertThat(violations).singleElement().satisfies(v ->
                    assertThat(v.message()).contains("must be one of [\"prod\",\"staging\"]").contains("\"Prod\""));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1", "1.0", "1.00", "2.5", "2.50", "1e0"})
        void compareNumbersByValue(String value) {
            assertThat(check("{\"type\": \"number\", \"enum\": [1, 2.5]}", value)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.0", "1", "10"})
        void compareDecimalEnumEntriesByValue(String value) {
            boolean listed = !value.equals("10");
            assertThat(check("{\"type\": \"number\", \"enum\": [1.0]}", value)).hasSize(listed ? 0 : 1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.01", "0", "-1", "3"})
        void refuseOtherNumbers(String value) {
            assertThat(check("{\"type\": \"number\", \"enum\": [1, 2.5]}", value)).hasSize(1);
        }

        @Test
        void applyToArrayItems() {
            List<Violation> violations = check("{\"type\": \"array\", \"items\": {\"type\": \"string\", \"enum\": [\"a\", \"b\"]}}",
                    "[\"a\", \"c\", \"b\"]");

            assertThat(violations).extracting(Violation::path).containsExactly("properties.x[1]");
        }
    }

    @Nested
    class Strings {

        @Test
        void mustMatchAPattern() {
            String definition = "{\"type\": \"string\", \"pattern\": \"^[a-z]+(-[a-z]+)*$\"}";

            assertThat(check(definition, "\"checkout-service\"")).isEmpty();
            assertThat(check(definition, "\"Checkout\"")).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("must match the pattern ^[a-z]+(-[a-z]+)*$"));
        }

        @Test
        void matchAnUnanchoredPatternAnywhereAsJsonSchemaDoes() {
            assertThat(check("{\"type\": \"string\", \"pattern\": \"svc\"}", "\"my-svc-1\"")).isEmpty();
            assertThat(check("{\"type\": \"string\", \"pattern\": \"svc\"}", "\"service\"")).hasSize(1);
        }

        @Test
        void countLengthsInCodePoints() {
            String definition = "{\"type\": \"string\", \"minLength\": 2, \"maxLength\": 3}";

            assertThat(checkText(definition, "😀😀😀")).isEmpty(); // six UTF-16 chars, three code points
            assertThat(checkText(definition, "é日")).isEmpty();
            assertThat(checkText(definition, "😀😀😀😀")).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("at most 3").contains("got 4"));
            assertThat(checkText(definition, "😀")).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("at least 2").contains("got 1"));
        }

        @Test
        void acceptLengthsAtTheirBounds() {
            String definition = "{\"type\": \"string\", \"minLength\": 2, \"maxLength\": 4}";

            assertThat(checkText(definition, "ab")).isEmpty();
            assertThat(checkText(definition, "abcd")).isEmpty();
            assertThat(checkText(definition, "a")).hasSize(1);
            assertThat(checkText(definition, "abcde")).hasSize(1);
        }

        @Test
        void reportEveryBrokenRuleOfOneValue() {
            List<Violation> violations = checkText(
                    "{\"type\": \"string\", \"format\": \"email\", \"maxLength\": 3, \"pattern\": \"^x\", \"enum\": [\"x@y.zz\"]}",
                    "nope");

            assertThat(violations).hasSize(4).extracting(Violation::path).containsOnly("properties.x");
        }
    }

    @Nested
    class Numbers {

        private static final String DEFINITION = "{\"type\": \"number\", \"minimum\": 0, \"maximum\": 10}";

        @ParameterizedTest
        @ValueSource(strings = {"0", "0.0", "10", "10.0", "5.5", "1e1"})
        void acceptValuesWithinTheirBoundsInclusive(String value) {
            assertThat(check(DEFINITION, value)).isEmpty();
        }

        @Test
        void refuseValuesBelowTheMinimum() {
            assertThat(check(DEFINITION, "-0.001")).singleElement().satisfies(v -> assertThat(v.message()).startsWith("must be >= 0"));
        }

        @Test
        void refuseValuesAboveTheMaximum() {
            assertThat(check(DEFINITION, "10.0001")).singleElement().satisfies(v -> assertThat(v.message()).startsWith("must be <= 10"));
            assertThat(check(DEFINITION, "1e2")).hasSize(1);
        }

        @Test
        void compareHugeAndPreciseNumbersExactly() {
            String definition = "{\"type\": \"number\", \"maximum\": 0.30000000000000001}";

            assertThat(check(definition, "0.3")).isEmpty();
            assertThat(check(definition, "0.30000000000000002")).hasSize(1);
            assertThat(check("{\"type\": \"number\", \"minimum\": 1e308}", "123456789012345678901234567890")).hasSize(1);
        }
    }

    @Nested
    class Arrays {

        @Test
        void countTheirItems() {
            String definition = "{\"type\": \"array\", \"minItems\": 1, \"maxItems\": 2}";

            assertThat(check(definition, "[1]")).isEmpty();
            assertThat(check(definition, "[1, 2]")).isEmpty();
            assertThat(check(definition, "[]")).singleElement().satisfies(v -> assertThat(v.message()).contains("at least 1"));
            assertThat(check(definition, "[1, 2, 3]")).singleElement().satisfies(v -> assertThat(v.message()).contains("at most 2"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"[\"a\", \"a\"]", "[1, 1.0]", "[{\"a\": 1, \"b\": 2}, {\"b\": 2, \"a\": 1}]", "[[1], [1]]",
                "[null, null]", "[true, false, true]"})
        void refuseDuplicatesWhenItemsMustBeUnique(String value) {
            assertThat(check("{\"type\": \"array\", \"uniqueItems\": true}", value)).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("unique items"));
        }

        @Test
        void compareHugeNumbersForUniquenessWithoutWritingOutTheirDigits() {
            assertThat(check("{\"type\": \"array\", \"uniqueItems\": true}", "[1e999999999, 10e999999998]")).hasSize(1);
            assertThat(check("{\"type\": \"array\", \"uniqueItems\": true}", "[1e999999999, 1e999999998]")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "[\"a\", \"A\"]", "[1, \"1\"]", "[[1, 2], [2, 1]]", "[{\"a\": 1}, {\"a\": 2}]"})
        void acceptDistinctItemsWhenItemsMustBeUnique(String value) {
            assertThat(check("{\"type\": \"array\", \"uniqueItems\": true}", value)).isEmpty();
        }

        @Test
        void acceptDuplicatesUnlessItemsMustBeUnique() {
            assertThat(check("{\"type\": \"array\", \"uniqueItems\": false}", "[1, 1]")).isEmpty();
            assertThat(check("{\"type\": \"array\"}", "[1, 1]")).isEmpty();
        }

        @Test
        void checkEachItemAgainstItsDefinitionByIndex() {
            List<Violation> violations = check(
                    "{\"type\": \"array\", \"items\": {\"type\": \"number\", \"minimum\": 0}}", "[1, \"2\", -3, null, true]");

            assertThat(violations).extracting(Violation::path).containsExactly("properties.x[1]", "properties.x[2]", "properties.x[4]");
        }

        @Test
        void checkItemsThatAreObjectsOrArrays() {
            assertThat(check("{\"type\": \"array\", \"items\": {\"type\": \"object\"}}", "[{}, [], \"x\"]"))
                    .extracting(Violation::path).containsExactly("properties.x[1]", "properties.x[2]");
            assertThat(check("{\"type\": \"array\", \"items\": {\"type\": \"string\", \"maxLength\": 1, \"pattern\": \"^[a-z]$\"}}",
                    "[\"a\", \"bb\", \"C\"]")).extracting(Violation::path)
                    .containsExactly("properties.x[1]", "properties.x[1]", "properties.x[2]");
        }
    }
}
