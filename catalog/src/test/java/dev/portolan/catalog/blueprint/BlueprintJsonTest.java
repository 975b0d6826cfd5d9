package dev.portolan.catalog.blueprint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.json.Json;
import org.junit.jupiter.api.Nested;
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
import static org.assertj.core.api.Assertions.assertThatCode;

class BlueprintJsonTest {

    private static final String SERVICE = """
            {
              "identifier": "service",
              "title": "Service",
              "icon": "Microservice",
              "description": "A deployable unit",
              "schema": {
                "properties": {
                  "language": {"type": "string", "title": "Language", "enum": ["java", "go"], "default": "java"},
                  "url": {"type": "string", "format": "url"},
                  "slug": {"type": "string", "pattern": "^[a-z-]+$", "minLength": 1, "maxLength": 40},
                  "replicas": {"type": "number", "minimum": 0, "maximum": 100},
                  "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": true, "minItems": 0, "maxItems": 10},
                  "onCall": {"type": "string", "format": "user"},
                  "config": {"type": "object"},
                  "healthy": {"type": "boolean", "default": true}
                },
                "required": ["language"]
              },
              "mirrorProperties": {"domainName": {"title": "Domain", "path": "domain.$title"}},
              "calculationProperties": {
                "link": {"title": "Link", "calculation": "\\"https://x/\\" + .identifier", "type": "string", "format": "url", "colorized": true}
              },
              "aggregationProperties": {},
              "relations": {
                "domain": {"title": "Domain", "description": "Owning domain", "target": "domain", "required": true, "many": false},
                "dependsOn": {"title": "Depends on", "target": "service", "required": false, "many": true}
              },
              "teamInheritance": {"path": "domain"}
            }
            """;

    /** A blueprint whose only property is {@code x} with the given definition. */
    private static ObjectNode withProperty(String definition) {
        return object("""
                {"identifier": "thing", "schema": {"properties": {"x": %s}}}
                """.formatted(definition));
    }

    private static List<Violation> violationsOfProperty(String definition) {
        return violations(() -> BlueprintJson.read(withProperty(definition)));
    }

    private static void assertPropertyAccepted(String definition) {
        assertThatCode(() -> BlueprintJson.read(withProperty(definition))).doesNotThrowAnyException();
    }

    @Nested
    class AValidBlueprint {

        @Test
        void isReadWithEveryPart() {
            Blueprint blueprint = BlueprintJson.read(json(SERVICE));

            assertThat(blueprint.identifier()).isEqualTo("service");
            assertThat(blueprint.title()).isEqualTo("Service");
            assertThat(blueprint.icon()).isEqualTo("Microservice");
            assertThat(blueprint.description()).isEqualTo("A deployable unit");
            assertThat(blueprint.properties().definitions().keySet())
                    .containsExactly("language", "url", "slug", "replicas", "tags", "onCall", "config", "healthy");
            assertThat(blueprint.properties().required()).containsExactly("language");
            assertThat(blueprint.properties().definition("url").format()).isEqualTo("url");
            assertThat(blueprint.relations()).containsOnlyKeys("domain", "dependsOn");
            assertThat(blueprint.relations().get("domain"))
                    .isEqualTo(new Relation("Domain", "domain", true, false, "Owning domain"));
            assertThat(blueprint.relations().get("dependsOn").many()).isTrue();
            assertThat(blueprint.mirrorProperties().get("domainName")).isEqualTo(new MirrorProperty("Domain", "domain.$title"));
            CalculationProperty link = blueprint.calculationProperties().get("link");
            assertThat(link.calculation()).isEqualTo("\"https://x/\" + .identifier");
            assertThat(link.type()).isEqualTo("string");
            assertThat(link.extra()).isEqualTo(json("{\"format\": \"url\", \"colorized\": true}"));
            assertThat(blueprint.extra()).isEqualTo(json("{\"teamInheritance\": {\"path\": \"domain\"}}"));
        }

        @Test
        void writesBackInPortsShapeUnchanged() {
            ObjectNode body = object(SERVICE);

            ObjectNode written = BlueprintJson.write(BlueprintJson.read(body));

            assertThat(written).isEqualTo(body);
        }

        @Test
        void survivesAReadWriteReadRoundTrip() {
            Blueprint first = BlueprintJson.read(json(SERVICE));

            Blueprint second = BlueprintJson.read(BlueprintJson.write(first));

            assertThat(second).isEqualTo(first);
        }

        @Test
        void writesMetaFieldsWhenTheCatalogHasSetThem() {
            Instant created = Instant.parse("2024-05-01T10:00:00Z");
            Instant updated = Instant.parse("2024-05-02T10:00:00Z");
            Blueprint blueprint = BlueprintJson.read(json(SERVICE)).withMeta(created, "alice", updated, "bob");

            ObjectNode written = BlueprintJson.write(blueprint);

            assertThat(written.get("createdAt").asText()).isEqualTo("2024-05-01T10:00:00Z");
            assertThat(written.get("createdBy").asText()).isEqualTo("alice");
            assertThat(written.get("updatedAt").asText()).isEqualTo("2024-05-02T10:00:00Z");
            assertThat(written.get("updatedBy").asText()).isEqualTo("bob");
        }

        @Test
        void ignoresMetaFieldsGivenInTheBody() {
            ObjectNode body = object(SERVICE);
            body.put("createdAt", "2000-01-01T00:00:00Z").put("createdBy", "mallory")
                    .put("updatedAt", "2000-01-01T00:00:00Z").put("updatedBy", "mallory");

            Blueprint blueprint = BlueprintJson.read(body);

            assertThat(blueprint.createdAt()).isNull();
            assertThat(blueprint.createdBy()).isNull();
            assertThat(blueprint.updatedAt()).isNull();
            assertThat(blueprint.updatedBy()).isNull();
            assertThat(blueprint.extra().has("createdAt")).isFalse();
        }

        @Test
        void needsOnlyAnIdentifierAndGetsItAsTitle() {
            Blueprint blueprint = BlueprintJson.read(json("{\"identifier\": \"bare\"}"));

            assertThat(blueprint.title()).isEqualTo("bare");
            assertThat(blueprint.schema()).isEqualTo(json("{\"properties\": {}, \"required\": []}"));
            assertThat(blueprint.relations()).isEmpty();
            assertThat(blueprint.mirrorProperties()).isEmpty();
            assertThat(blueprint.calculationProperties()).isEmpty();
            assertThat(blueprint.aggregationProperties()).isEmpty();
        }

        @Test
        void writesEmptyPartsAsEmptyObjectsAsPortDoes() {
            ObjectNode written = BlueprintJson.write(BlueprintJson.read(json("{\"identifier\": \"bare\"}")));

            assertThat(written).isEqualTo(json("""
                    {"identifier": "bare", "title": "bare", "schema": {"properties": {}, "required": []},
                     "mirrorProperties": {}, "calculationProperties": {}, "aggregationProperties": {}, "relations": {}}
                    """));
        }
    }

    @Nested
    class TheBlueprintItself {

        @Test
        void mustBeAJsonObject() {
            CatalogException refused = refusal(() -> BlueprintJson.read(json("[1, 2]")));

            assertThat(refused.problem()).isEqualTo(CatalogException.Problem.MALFORMED);
            assertThat(refused.getMessage()).contains("array");
        }

        @Test
        void needsAnIdentifier() {
            assertThat(at(violations(() -> BlueprintJson.read(json("{\"title\": \"x\"}"))), "identifier").message())
                    .contains("required");
        }

        @Test
        void needsAStringIdentifier() {
            assertThat(at(violations(() -> BlueprintJson.read(json("{\"identifier\": 42}"))), "identifier").message())
                    .contains("must be a string");
        }

        @Test
        void refusesTitleIconAndDescriptionThatAreNotStrings() {
            List<Violation> violations = violations(() -> BlueprintJson.read(json("""
                    {"identifier": "x", "title": 1, "icon": true, "description": {}}
                    """)));

            assertThat(violations).extracting(Violation::path).containsExactlyInAnyOrder("title", "icon", "description");
        }

        @Test
        void refusesASchemaThatIsNotAnObject() {
            assertThat(violations(() -> BlueprintJson.read(json("{\"identifier\": \"x\", \"schema\": []}"))))
                    .extracting(Violation::path).containsExactly("schema");
        }

        @Test
        void refusesSchemaPropertiesThatAreNotAnObject() {
            assertThat(violations(() -> BlueprintJson.read(json("{\"identifier\": \"x\", \"schema\": {\"properties\": []}}"))))
                    .extracting(Violation::path).containsExactly("schema.properties");
        }

        @Test
        void refusesAPropertyDefinitionThatIsNotAnObject() {
            assertThat(violationsOfProperty("\"string\"")).extracting(Violation::path).containsExactly("schema.properties.x");
        }

        @Test
        void refusesAggregationPropertiesThatAreNotAnObject() {
            assertThat(violations(() -> BlueprintJson.read(json("{\"identifier\": \"x\", \"aggregationProperties\": 3}"))))
                    .extracting(Violation::path).containsExactly("aggregationProperties");
        }

        @Test
        void isRefusedAsInvalidBlueprintWithEveryViolationInTheMessage() {
            CatalogException refused = refusal(() -> BlueprintJson.read(json("""
                    {"identifier": "bad id", "schema": {"properties": {"size": {"type": "integer"}}}}
                    """)));

            assertThat(refused.problem()).isEqualTo(CatalogException.Problem.INVALID);
            assertThat(refused.error()).isEqualTo("invalid_blueprint");
            assertThat(refused.getMessage()).contains("identifier: ").contains("schema.properties.size.type: ");
        }
    }

    @Nested
    class Identifiers {

        private List<Violation> violationsOfIdentifier(String identifier) {
            ObjectNode body = Json.object().put("identifier", identifier);
            return violations(() -> BlueprintJson.read(body));
        }

        @Test
        void acceptsOneHundredCharacters() {
            assertThatCode(() -> BlueprintJson.read(Json.object().put("identifier", "a".repeat(100))))
                    .doesNotThrowAnyException();
        }

        @Test
        void refusesOneHundredAndOneCharacters() {
            assertThat(at(violationsOfIdentifier("a".repeat(101)), "identifier").message()).contains("100");
        }

        @ParameterizedTest
        @ValueSource(strings = {"service", "Service_2", "my-service", "team@acme", "_", "-", "@", "0"})
        void acceptsLettersDigitsAtUnderscoreAndDash(String identifier) {
            assertThatCode(() -> BlueprintJson.read(Json.object().put("identifier", identifier))).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "my service", " service", "my.service", "it's", "a\"b", "x' OR '1'='1",
                "x; DROP TABLE blueprints; --", "a/b", "a\\b", "a+b", "a:b", "a=b", "tab\there", "new\nline", "a$b", "${x}"})
        void refusesAnythingElse(String identifier) {
            assertThat(at(violationsOfIdentifier(identifier), "identifier").message())
                    .contains("is not valid").contains("letters, digits, '@', '_' and '-'");
        }

        @Test
        void applyToPropertyNames() {
            List<Violation> violations = violations(() -> BlueprintJson.read(json("""
                    {"identifier": "x", "schema": {"properties": {"my prop": {"type": "string"}, "a.b": {"type": "string"}}}}
                    """)));

            assertThat(violations).extracting(Violation::path).containsExactlyInAnyOrder("schema.properties.my prop",
                    "schema.properties.a.b");
        }

        @Test
        void applyToPropertyNamesUpToOneHundredCharacters() {
            ObjectNode body = withProperty("{\"type\": \"string\"}");
            ObjectNode properties = (ObjectNode) body.get("schema").get("properties");
            properties.set("p".repeat(100), properties.get("x"));
            properties.set("q".repeat(101), properties.get("x"));

            assertThat(violations(() -> BlueprintJson.read(body))).extracting(Violation::path)
                    .containsExactly("schema.properties." + "q".repeat(101));
        }

        @Test
        void applyToRelationNames() {
            List<Violation> violations = violations(() -> BlueprintJson.read(json("""
                    {"identifier": "x", "relations": {"owner's": {"target": "team"}}}
                    """)));

            assertThat(violations).extracting(Violation::path).containsExactly("relations.owner's");
        }

        @Test
        void applyToMirrorAndCalculationPropertyNames() {
            List<Violation> violations = violations(() -> BlueprintJson.read(json("""
                    {"identifier": "x",
                     "mirrorProperties": {"x' OR '1'='1": {"path": "owner.$title"}},
                     "calculationProperties": {"a b": {"calculation": ".title", "type": "string"}}}
                    """)));

            assertThat(violations).extracting(Violation::path)
                    .containsExactlyInAnyOrder("mirrorProperties.x' OR '1'='1", "calculationProperties.a b");
        }
    }

    @Nested
    class PropertyTypes {

        @ParameterizedTest
        @ValueSource(strings = {"string", "number", "boolean", "object", "array"})
        void acceptsPortsTypes(String type) {
            assertPropertyAccepted("{\"type\": \"" + type + "\"}");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"integer\"", "\"String\"", "\"null\"", "\"date\"", "1", "[\"string\"]", "null"})
        void refusesAnyOtherTypeListingTheAllowedOnes(String type) {
            Violation violation = at(violationsOfProperty("{\"type\": " + type + "}"), "schema.properties.x.type");

            assertThat(violation.message()).contains("string, number, boolean, object, array");
        }

        @Test
        void refusesAMissingType() {
            at(violationsOfProperty("{\"title\": \"X\"}"), "schema.properties.x.type");
        }

        @Test
        void passesThroughKeywordsItDoesNotInterpret() {
            Blueprint blueprint = BlueprintJson.read(withProperty(
                    "{\"type\": \"string\", \"title\": \"X\", \"icon\": \"Git\", \"description\": \"d\", \"spec\": \"open-api\"}"));

            assertThat(blueprint.schema().get("properties").get("x").get("spec").asText()).isEqualTo("open-api");
        }
    }

    @Nested
    class Formats {

        @ParameterizedTest
        @ValueSource(strings = {"date-time", "url", "email", "idn-email", "ipv4", "ipv6", "markdown", "yaml", "user",
                "team", "timer", "proto"})
        void acceptsEveryStringFormat(String format) {
            assertPropertyAccepted("{\"type\": \"string\", \"format\": \"" + format + "\"}");
        }

        @Test
        void acceptsLabeledUrlAsPortDefinesIt() {
            assertPropertyAccepted("{\"type\": \"object\", \"format\": \"labeled-url\"}");
            assertPropertyAccepted("{\"type\": \"array\", \"items\": {\"type\": \"object\", \"format\": \"labeled-url\"}}");
        }

        @ParameterizedTest
        @ValueSource(strings = {"url", "user", "team", "date-time"})
        void acceptsFormatsOnArrayItems(String format) {
            assertPropertyAccepted("{\"type\": \"array\", \"items\": {\"type\": \"string\", \"format\": \"" + format + "\"}}");
        }

        @ParameterizedTest
        @ValueSource(strings = {"uuid", "URL", "date", "hostname", ""})
        void refusesAnUnknownFormatListingTheAllowedOnes(String format) {
            Violation violation = at(violationsOfProperty("{\"type\": \"string\", \"format\": \"" + format + "\"}"),
                    "schema.properties.x.format");

            assertThat(violation.message()).contains("unknown format").contains("allowed: ")
                    .contains("date-time", "idn-email", "ipv6", "labeled-url", "timer", "proto");
        }

        @Test
        void refusesAFormatThatIsNotAString() {
            at(violationsOfProperty("{\"type\": \"string\", \"format\": 7}"), "schema.properties.x.format");
        }

        @Test
        void refusesAnUnknownFormatOfArrayItems() {
            at(violationsOfProperty("{\"type\": \"array\", \"items\": {\"type\": \"string\", \"format\": \"uuid\"}}"),
                    "schema.properties.x.items.format");
        }

        @Test
        void refusesAFormatOnANumber() {
            assertThat(at(violationsOfProperty("{\"type\": \"number\", \"format\": \"ipv4\"}"), "schema.properties.x.format")
                    .message()).contains("does not apply to type number");
        }

        @Test
        void refusesAStringFormatOnAnObject() {
            at(violationsOfProperty("{\"type\": \"object\", \"format\": \"url\"}"), "schema.properties.x.format");
        }
    }

    @Nested
    class Keywords {

        @Test
        void acceptsAnEnumOfTheDeclaredType() {
            assertPropertyAccepted("{\"type\": \"string\", \"enum\": [\"a\", \"b\"]}");
            assertPropertyAccepted("{\"type\": \"number\", \"enum\": [1, 2.5, -3]}");
            assertPropertyAccepted("{\"type\": \"string\", \"enum\": [\"a\", null]}");
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "\"a\"", "{}", "null"})
        void refusesAnEnumThatIsNotANonEmptyArray(String enumValue) {
            at(violationsOfProperty("{\"type\": \"string\", \"enum\": " + enumValue + "}"), "schema.properties.x.enum");
        }

        @Test
        void refusesEnumValuesOfAnotherTypeByIndex() {
            List<Violation> violations = violationsOfProperty("{\"type\": \"number\", \"enum\": [1, \"2\", 3, true]}");

            assertThat(violations).extracting(Violation::path)
                    .containsExactly("schema.properties.x.enum[1]", "schema.properties.x.enum[3]");
        }

        @Test
        void acceptsAValidPattern() {
            assertPropertyAccepted("{\"type\": \"string\", \"pattern\": \"^[a-z]+(-[a-z]+)*$\"}");
        }

        @ParameterizedTest
        @ValueSource(strings = {"[a-z", "(unclosed", "*start", "a{2,1}", "\\"})
        void refusesAPatternThatIsNotARegularExpression(String pattern) {
            ObjectNode body = withProperty("{\"type\": \"string\"}");
            ((ObjectNode) body.at("/schema/properties/x")).put("pattern", pattern);

            Violation violation = at(violations(() -> BlueprintJson.read(body)), "schema.properties.x.pattern");

            assertThat(violation.message()).contains("not a valid regular expression");
        }

        @Test
        void refusesAPatternThatIsNotAString() {
            at(violationsOfProperty("{\"type\": \"string\", \"pattern\": 5}"), "schema.properties.x.pattern");
        }

        @Test
        void refusesAnInvalidPatternOfArrayItems() {
            at(violationsOfProperty("{\"type\": \"array\", \"items\": {\"type\": \"string\", \"pattern\": \"(\"}}"),
                    "schema.properties.x.items.pattern");
        }

        @Test
        void acceptsLengthsAndBounds() {
            assertPropertyAccepted("{\"type\": \"string\", \"minLength\": 0, \"maxLength\": 10}");
            assertPropertyAccepted("{\"type\": \"number\", \"minimum\": -1.5, \"maximum\": 1e3}");
            assertPropertyAccepted("{\"type\": \"array\", \"minItems\": 1, \"maxItems\": 3, \"uniqueItems\": false}");
        }

        @ParameterizedTest
        @ValueSource(strings = {"minLength", "maxLength"})
        void refusesLengthsThatAreNotNonNegativeIntegers(String keyword) {
            for (String bad : List.of("-1", "1.5", "\"3\"", "true", "null")) {
                at(violationsOfProperty("{\"type\": \"string\", \"" + keyword + "\": " + bad + "}"),
                        "schema.properties.x." + keyword);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"minItems", "maxItems"})
        void refusesItemCountsThatAreNotNonNegativeIntegers(String keyword) {
            for (String bad : List.of("-1", "0.5", "\"3\"", "[]")) {
                at(violationsOfProperty("{\"type\": \"array\", \"" + keyword + "\": " + bad + "}"),
                        "schema.properties.x." + keyword);
            }
        }

        @Test
        void acceptsAnIntegralLengthWrittenWithADecimalPoint() {
            assertPropertyAccepted("{\"type\": \"string\", \"maxLength\": 3.0}");
        }

        @ParameterizedTest
        @ValueSource(strings = {"minimum", "maximum"})
        void refusesBoundsThatAreNotNumbers(String keyword) {
            assertThat(at(violationsOfProperty("{\"type\": \"number\", \"" + keyword + "\": \"0\"}"),
                    "schema.properties.x." + keyword).message()).contains("must be a number");
        }

        @Test
        void refusesUniqueItemsThatIsNotABoolean() {
            at(violationsOfProperty("{\"type\": \"array\", \"uniqueItems\": \"yes\"}"), "schema.properties.x.uniqueItems");
        }

        @Test
        void refusesItemsThatAreNotAnObject() {
            at(violationsOfProperty("{\"type\": \"array\", \"items\": \"string\"}"), "schema.properties.x.items");
        }

        @Test
        void refusesItemsOfAnUnknownType() {
            at(violationsOfProperty("{\"type\": \"array\", \"items\": {\"type\": \"date\"}}"), "schema.properties.x.items.type");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"type\": \"number\", \"minLength\": 1}|minLength|number",
                "{\"type\": \"number\", \"maxLength\": 1}|maxLength|number",
                "{\"type\": \"boolean\", \"pattern\": \"a\"}|pattern|boolean",
                "{\"type\": \"string\", \"minimum\": 1}|minimum|string",
                "{\"type\": \"array\", \"maximum\": 1}|maximum|array",
                "{\"type\": \"string\", \"minItems\": 1}|minItems|string",
                "{\"type\": \"object\", \"maxItems\": 1}|maxItems|object",
                "{\"type\": \"string\", \"uniqueItems\": true}|uniqueItems|string",
                "{\"type\": \"string\", \"items\": {\"type\": \"string\"}}|items|string",
                "{\"type\": \"boolean\", \"format\": \"url\"}|format|boolean"})
        void refusesAKeywordAppliedToTheWrongType(String testCase) {
            String[] parts = testCase.split("\\|");

            Violation violation = at(violationsOfProperty(parts[0]), "schema.properties.x." + parts[1]);

            assertThat(violation.message()).isEqualTo("does not apply to type " + parts[2]);
        }
    }

    @Nested
    class Defaults {

        @Test
        void acceptsADefaultThatFitsItsDefinition() {
            assertPropertyAccepted("{\"type\": \"string\", \"format\": \"email\", \"default\": \"a@example.com\"}");
            assertPropertyAccepted("{\"type\": \"number\", \"minimum\": 0, \"default\": 0}");
            assertPropertyAccepted("{\"type\": \"array\", \"items\": {\"type\": \"string\"}, \"default\": [\"a\"]}");
            assertPropertyAccepted("{\"type\": \"boolean\", \"default\": false}");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"type\": \"number\", \"default\": \"1\"}",
                "{\"type\": \"string\", \"format\": \"email\", \"default\": \"not-an-email\"}",
                "{\"type\": \"string\", \"enum\": [\"a\", \"b\"], \"default\": \"c\"}",
                "{\"type\": \"string\", \"pattern\": \"^x\", \"default\": \"y\"}",
                "{\"type\": \"string\", \"maxLength\": 2, \"default\": \"abc\"}",
                "{\"type\": \"number\", \"maximum\": 10, \"default\": 11}",
                "{\"type\": \"array\", \"items\": {\"type\": \"number\"}, \"default\": [\"a\"]}",
                "{\"type\": \"array\", \"maxItems\": 1, \"default\": [1, 2]}",
                "{\"type\": \"boolean\", \"default\": \"true\"}"})
        void refusesADefaultThatBreaksItsOwnDefinition(String definition) {
            List<Violation> violations = violationsOfProperty(definition);

            assertThat(violations).isNotEmpty()
                    .allSatisfy(v -> assertThat(v.path()).startsWith("schema.properties.x.default"));
        }

        @Test
        void reportsABrokenItemPatternOnceEvenWithADefault() {
            List<Violation> violations = violationsOfProperty(
                    "{\"type\": \"array\", \"items\": {\"type\": \"string\", \"pattern\": \"(\"}, \"default\": [\"x\"]}");

            assertThat(violations).extracting(Violation::path).containsExactly("schema.properties.x.items.pattern");
        }

        @Test
        void reportsABrokenPatternOnceEvenWithADefault() {
            List<Violation> violations = violationsOfProperty("{\"type\": \"string\", \"pattern\": \"[\", \"default\": \"x\"}");

            assertThat(violations).extracting(Violation::path).containsExactly("schema.properties.x.pattern");
        }
    }

    @Nested
    class Required {

        @Test
        void acceptsNamesOfDefinedProperties() {
            Blueprint blueprint = BlueprintJson.read(json("""
                    {"identifier": "x", "schema": {"properties": {"a": {"type": "string"}, "b": {"type": "number"}}, "required": ["b"]}}
                    """));

            assertThat(blueprint.properties().required()).containsExactly("b");
        }

        @Test
        void refusesAnUnknownPropertyByIndex() {
            List<Violation> violations = violations(() -> BlueprintJson.read(json("""
                    {"identifier": "x", "schema": {"properties": {"a": {"type": "string"}}, "required": ["a", "ghost", 3]}}
                    """)));

            assertThat(violations).extracting(Violation::path).containsExactly("schema.required[1]", "schema.required[2]");
            assertThat(violations.get(0).message()).contains("\"ghost\"").contains("not a property");
        }

        @Test
        void refusesRequiredThatIsNotAnArray() {
            at(violations(() -> BlueprintJson.read(json("""
                    {"identifier": "x", "schema": {"properties": {"a": {"type": "string"}}, "required": "a"}}
                    """))), "schema.required");
        }
    }

    @Nested
    class Relations {

        private List<Violation> violationsOfRelation(String relation) {
            return violations(() -> BlueprintJson.read(json(
                    "{\"identifier\": \"service\", \"relations\": {\"owner\": " + relation + "}}")));
        }

        @Test
        void defaultToOptionalAndSingle() {
            Relation owner = BlueprintJson.read(json("{\"identifier\": \"service\", \"relations\": {\"owner\": {\"target\": \"team\"}}}"))
                    .relations().get("owner");

            assertThat(owner).isEqualTo(new Relation(null, "team", false, false, null));
        }

        @Test
        void needATarget() {
            assertThat(at(violationsOfRelation("{\"title\": \"Owner\"}"), "relations.owner.target").message()).contains("required");
        }

        @Test
        void needAStringTarget() {
            at(violationsOfRelation("{\"target\": 5}"), "relations.owner.target");
        }

        @Test
        void refusesARelationThatIsBothManyAndRequired() {
            assertThat(at(violationsOfRelation("{\"target\": \"team\", \"many\": true, \"required\": true}"), "relations.owner")
                    .message()).contains("'many' and 'required'");
        }

        @Test
        void acceptsManyOrRequiredAlone() {
            assertThatCode(() -> BlueprintJson.read(json("""
                    {"identifier": "service", "relations": {
                      "owner": {"target": "team", "required": true, "many": false},
                      "consumers": {"target": "team", "required": false, "many": true}}}
                    """))).doesNotThrowAnyException();
        }

        @Test
        void refusesUnknownKeysListingTheAllowedOnes() {
            Violation violation = at(violationsOfRelation("{\"target\": \"team\", \"targetBlueprint\": \"team\"}"),
                    "relations.owner.targetBlueprint");

            assertThat(violation.message()).contains("unknown key").contains("many, required, target, title");
        }

        @ParameterizedTest
        @ValueSource(strings = {"required", "many"})
        void refusesFlagsThatAreNotBooleans(String flag) {
            at(violationsOfRelation("{\"target\": \"team\", \"" + flag + "\": \"true\"}"), "relations.owner." + flag);
        }

        @Test
        void refusesARelationThatIsNotAnObject() {
            at(violationsOfRelation("\"team\""), "relations.owner");
        }

        @Test
        void refusesRelationsThatAreNotAnObject() {
            at(violations(() -> BlueprintJson.read(json("{\"identifier\": \"service\", \"relations\": [\"team\"]}"))), "relations");
        }
    }

    @Nested
    class MirrorProperties {

        @ParameterizedTest
        @ValueSource(strings = {"owner.$title", "owner.name", "domain.group.$identifier"})
        void acceptRelationPathsEndingInAProperty(String path) {
            Blueprint blueprint = BlueprintJson.read(json(
                    "{\"identifier\": \"x\", \"mirrorProperties\": {\"m\": {\"path\": \"" + path + "\"}}}"));

            assertThat(blueprint.mirrorProperties().get("m").path()).isEqualTo(path);
        }

        @Test
        void needAPath() {
            at(violations(() -> BlueprintJson.read(json("{\"identifier\": \"x\", \"mirrorProperties\": {\"m\": {\"title\": \"M\"}}}"))),
                    "mirrorProperties.m.path");
        }

        @Test
        void refuseAPathWithoutARelation() {
            assertThat(at(violations(() -> BlueprintJson.read(json(
                    "{\"identifier\": \"x\", \"mirrorProperties\": {\"m\": {\"path\": \"title\"}}}"))), "mirrorProperties.m.path")
                    .message()).contains("relation(.relation)*.property");
        }

        @Test
        void refuseUnknownKeys() {
            at(violations(() -> BlueprintJson.read(json(
                    "{\"identifier\": \"x\", \"mirrorProperties\": {\"m\": {\"path\": \"a.b\", \"calculation\": \".x\"}}}"))),
                    "mirrorProperties.m.calculation");
        }

        @Test
        void refuseAMirrorThatIsNotAnObject() {
            at(violations(() -> BlueprintJson.read(json("{\"identifier\": \"x\", \"mirrorProperties\": {\"m\": \"a.b\"}}"))),
                    "mirrorProperties.m");
        }
    }

    @Nested
    class CalculationProperties {

        private List<Violation> violationsOfCalculation(String calculation) {
            return violations(() -> BlueprintJson.read(json(
                    "{\"identifier\": \"x\", \"calculationProperties\": {\"c\": " + calculation + "}}")));
        }

        @Test
        void needACalculation() {
            at(violationsOfCalculation("{\"type\": \"string\"}"), "calculationProperties.c.calculation");
        }

        @Test
        void needAType() {
            at(violationsOfCalculation("{\"calculation\": \".title\"}"), "calculationProperties.c.type");
        }

        @Test
        void needAKnownType() {
            assertThat(at(violationsOfCalculation("{\"calculation\": \".title\", \"type\": \"integer\"}"),
                    "calculationProperties.c.type").message()).contains("string, number, boolean, object, array");
        }

        @Test
        void refuseACalculationThatIsNotAnObject() {
            at(violationsOfCalculation("\".title\""), "calculationProperties.c");
        }
    }

    @Nested
    class Names {

        @ParameterizedTest
        @ValueSource(strings = {
                "\"relations\": {\"owner\": {\"target\": \"team\"}}",
                "\"mirrorProperties\": {\"owner\": {\"path\": \"team.$title\"}}",
                "\"calculationProperties\": {\"owner\": {\"calculation\": \".title\", \"type\": \"string\"}}"})
        void areSharedBetweenPropertiesAndEverythingElse(String other) {
            List<Violation> violations = violations(() -> BlueprintJson.read(json("""
                    {"identifier": "x", "schema": {"properties": {"owner": {"type": "string"}}}, %s}
                    """.formatted(other))));

            assertThat(at(violations, "owner").message()).contains("defined twice");
        }

        @Test
        void areSharedBetweenRelationsMirrorsAndCalculations() {
            List<Violation> violations = violations(() -> BlueprintJson.read(json("""
                    {"identifier": "x",
                     "relations": {"owner": {"target": "team"}, "domain": {"target": "domain"}},
                     "mirrorProperties": {"owner": {"path": "domain.owner"}},
                     "calculationProperties": {"domain": {"calculation": ".title", "type": "string"}}}
                    """)));

            assertThat(violations).extracting(Violation::path).containsExactlyInAnyOrder("owner", "domain");
        }
    }

    @Test
    void reportsEveryViolationWithItsPath() {
        List<Violation> violations = violations(() -> BlueprintJson.read(json("""
                {
                  "identifier": "my service",
                  "schema": {
                    "properties": {
                      "size": {"type": "integer"},
                      "url": {"type": "string", "format": "link"},
                      "name": {"type": "string", "pattern": "(", "minimum": 3},
                      "count": {"type": "number", "default": "many"}
                    },
                    "required": ["nope"]
                  },
                  "relations": {
                    "owner": {"target": "team", "many": true, "required": true},
                    "domain": {"title": "Domain"}
                  },
                  "mirrorProperties": {"m": {"path": "flat"}},
                  "calculationProperties": {"c": {"calculation": ".title"}}
                }
                """)));

        assertThat(violations).extracting(Violation::path).containsExactlyInAnyOrder(
                "identifier",
                "schema.properties.size.type",
                "schema.properties.url.format",
                "schema.properties.name.minimum",
                "schema.properties.name.pattern",
                "schema.properties.count.default",
                "schema.required[0]",
                "relations.owner",
                "relations.domain.target",
                "mirrorProperties.m.path",
                "calculationProperties.c.type");
    }
}
