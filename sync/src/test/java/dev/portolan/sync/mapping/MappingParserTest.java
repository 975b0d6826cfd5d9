package dev.portolan.sync.mapping;

import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Violation;
import dev.portolan.sync.host.IntegrationManager;
import dev.portolan.sync.testing.ScriptedIntegration;
import dev.portolan.sync.testing.SyncHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.portolan.catalog.TestJson.at;
import static dev.portolan.catalog.TestJson.refusal;
import static dev.portolan.catalog.TestJson.violations;
import static org.assertj.core.api.Assertions.assertThat;

/** Saving a mapping validates all of it and reports every error at once, keyed by its path. */
class MappingParserTest {

    private static final ScriptedIntegration INTEGRATION = new ScriptedIntegration(SyncHarness.KINDS);

    private static Mapping parse(String yaml) {
        MappingParser parser = IntegrationManager.mappingParser(INTEGRATION, INTEGRATION.settings().parse(null));
        return parser.parse(MappingParser.readYaml(yaml));
    }

    private static List<Violation> errors(String yaml) {
        return violations(() -> parse(yaml));
    }

    @Test
    void appliesPortsDefaults() {
        Mapping mapping = parse("""
                resources:
                  - kind: repository
                    port:
                      entity:
                        mappings:
                          identifier: .name
                          blueprint: '"service"'
                """);

        assertThat(mapping.deleteDependentEntities()).isTrue();
        assertThat(mapping.createMissingRelatedEntities()).isTrue();
        assertThat(mapping.enableMergeEntity()).isTrue();
        assertThat(mapping.entityDeletionThreshold()).isEqualTo(0.9);
        ResourceMapping resource = mapping.resources().getFirst();
        assertThat(resource.selectorQuery()).isEqualTo("true");
        assertThat(resource.itemsToParse()).isNull();
        assertThat(resource.itemsToParseName()).isEqualTo("item");
        assertThat(resource.itemsToParseTopLevelTransform()).isFalse();
        EntityMapping entity = resource.entities().getFirst();
        assertThat(entity.identifier()).isEqualTo(new MappedValue.Jq(".name"));
        assertThat(entity.blueprint()).isEqualTo("\"service\"");
        assertThat(entity.title()).isNull();
    }

    @Test
    void readsEveryFieldOfPortsMapping() {
        Mapping mapping = parse("""
                deleteDependentEntities: false
                createMissingRelatedEntities: false
                enableMergeEntity: false
                entityDeletionThreshold: 0.25
                resources:
                  - kind: repository
                    selector:
                      query: .archived == false
                      includedFiles: [README.md]
                    port:
                      itemsToParse: .modules
                      itemsToParseName: module
                      itemsToParseTopLevelTransform: true
                      entity:
                        mappings:
                          - identifier: .module.id
                            title: .module.name
                            blueprint: '"service"'
                            team: '[.owner]'
                            icon: '"Github"'
                            properties:
                              url: .html_url
                            relations:
                              owner: .owner
                          - identifier:
                              combinator: and
                              rules:
                                - property: url
                                  operator: '='
                                  value: .html_url
                            blueprint: '"service"'
                            relations:
                              team:
                                combinator: or
                                rules:
                                  - {property: $title, operator: '=', value: .team}
                """);

        assertThat(mapping.deleteDependentEntities()).isFalse();
        assertThat(mapping.createMissingRelatedEntities()).isFalse();
        assertThat(mapping.enableMergeEntity()).isFalse();
        assertThat(mapping.entityDeletionThreshold()).isEqualTo(0.25);
        ResourceMapping resource = mapping.resources().getFirst();
        assertThat(resource.selectorQuery()).isEqualTo(".archived == false");
        assertThat(resource.selector().path("includedFiles").get(0).asText()).isEqualTo("README.md");
        assertThat(resource.itemsToParse()).isEqualTo(".modules");
        assertThat(resource.itemsToParseName()).isEqualTo("module");
        assertThat(resource.itemsToParseTopLevelTransform()).isTrue();
        assertThat(resource.entities()).hasSize(2);
        EntityMapping first = resource.entities().get(0);
        assertThat(first.team()).isEqualTo("[.owner]");
        assertThat(first.icon()).isEqualTo("\"Github\"");
        assertThat(first.properties()).containsEntry("url", ".html_url");
        assertThat(first.relations()).containsEntry("owner", new MappedValue.Jq(".owner"));
        EntityMapping second = resource.entities().get(1);
        assertThat(second.identifier()).isEqualTo(new MappedValue.Search("and", List.of(new MappedValue.SearchRule("url", "=", ".html_url"))));
        assertThat(second.relations().get("team")).isEqualTo(new MappedValue.Search("or", List.of(new MappedValue.SearchRule("$title", "=", ".team"))));
    }

    @Test
    void refusesUnknownKeysWithTheirPath() {
        List<Violation> errors = errors("""
                deleteDependents: true
                resources:
                  - kind: repository
                    colour: blue
                    selector:
                      query: 'true'
                      includedFiles: [a]
                    port:
                      entity:
                        mappings:
                          identifier: .name
                          blueprint: '"service"'
                          description: .description
                  - kind: team
                    selector:
                      includedFiles: [a]
                    port:
                      entity:
                        mappings: {identifier: .name, blueprint: '"team"'}
                """);

        assertThat(at(errors, "deleteDependents").message()).startsWith("unknown key; allowed: ")
                .contains("deleteDependentEntities", "entityDeletionThreshold");
        assertThat(at(errors, "resources[0].colour").message()).isEqualTo("unknown key; allowed: kind, port, selector");
        assertThat(at(errors, "resources[0].port.entity.mappings.description").message())
                .isEqualTo("unknown key; allowed: blueprint, icon, identifier, properties, relations, team, title");
        assertThat(at(errors, "resources[1].selector.includedFiles").message()).isEqualTo("unknown key; allowed: query");
        assertThat(errors).extracting(Violation::path).doesNotContain("resources[0].selector.includedFiles");
        assertThat(errors).hasSize(4);
    }

    @Test
    void refusesAnUnknownKindListingTheKnownOnes() {
        List<Violation> errors = errors("""
                resources:
                  - kind: repo
                    port: {entity: {mappings: {identifier: .name, blueprint: '"service"'}}}
                """);

        assertThat(at(errors, "resources[0].kind").message())
                .isEqualTo("unknown kind 'repo'; this integration knows: issue, pull-request, repository, team");
    }

    @Test
    void refusesJqThatDoesNotCompileWithJqsMessage() {
        List<Violation> errors = errors("""
                resources:
                  - kind: repository
                    selector:
                      query: .archived ==
                    port:
                      itemsToParse: '.modules['
                      entity:
                        mappings:
                          identifier: .name
                          blueprint: '"service"'
                          properties:
                            url: .html_url | nosuchfunction
                          relations:
                            team:
                              combinator: and
                              rules:
                                - {property: $title, operator: '=', value: '.team)'}
                """);

        assertThat(errors).extracting(Violation::path).containsExactlyInAnyOrder(
                "resources[0].selector.query",
                "resources[0].port.itemsToParse",
                "resources[0].port.entity.mappings.properties.url",
                "resources[0].port.entity.mappings.relations.team.rules[0].value");
        assertThat(errors).allSatisfy(v -> assertThat(v.message()).startsWith("jq does not compile: ").hasSizeGreaterThan(25));
        assertThat(at(errors, "resources[0].port.entity.mappings.properties.url").message()).contains("nosuchfunction");
    }

    @Test
    void aCompileErrorNamesThePathTheExpressionAndJqsMessageWithTheColumn() {
        List<Violation> errors = errors("""
                resources:
                  - kind: repository
                    port:
                      entity:
                        mappings:
                          identifier: .name
                          blueprint: "'service'"
                          title: ".owner + '/ + .name"
                """);

        Violation title = at(errors, "resources[0].port.entity.mappings.title");
        assertThat(errors).hasSize(1);
        assertThat(title.message())
                .startsWith("jq does not compile: unterminated single-quoted string literal at <top-level>, line 1, column 20:")
                .contains(".owner + '/ + .name");
    }

    @Test
    void refusesAThresholdOutsideZeroToOne() {
        for (String threshold : List.of("1.5", "-0.1", "'half'")) {
            List<Violation> errors = errors("entityDeletionThreshold: " + threshold + "\nresources: []\n");
            assertThat(at(errors, "entityDeletionThreshold").message()).startsWith("must be a number from 0 to 1, got ");
        }
        assertThat(parse("entityDeletionThreshold: 0\nresources: []").entityDeletionThreshold()).isZero();
        assertThat(parse("entityDeletionThreshold: 1\nresources: []").entityDeletionThreshold()).isEqualTo(1.0);
    }

    @Test
    void refusesMissingRequiredFieldsAndWrongTypes() {
        List<Violation> errors = errors("""
                enableMergeEntity: 'yes'
                resources:
                  - kind: repository
                    port:
                      entity:
                        mappings:
                          title: .name
                          properties: [url]
                  - selector: {}
                    port: {entity: {mappings: {identifier: .name, blueprint: '"x"'}}}
                  - kind: team
                """);

        assertThat(at(errors, "enableMergeEntity").message()).startsWith("must be true or false");
        assertThat(at(errors, "resources[0].port.entity.mappings.identifier").message()).isEqualTo("is required");
        assertThat(at(errors, "resources[0].port.entity.mappings.blueprint").message()).isEqualTo("is required");
        assertThat(at(errors, "resources[0].port.entity.mappings.properties").message()).isEqualTo("must be an object");
        assertThat(at(errors, "resources[1].kind").message()).isEqualTo("is required");
        assertThat(at(errors, "resources[2].port").message()).startsWith("is required");
    }

    @Test
    void reportsEveryErrorOfTheMappingAtOnce() {
        CatalogException refused = refusal(() -> parse("""
                entityDeletionThreshold: 2
                resources:
                  - kind: repo
                    port: {entity: {mappings: {identifier: .name, blueprint: '"service"', colour: red}}}
                  - kind: team
                    selector: {query: '.a =='}
                    port: {entity: {mappings: {identifier: .name, blueprint: '"team"'}}}
                """));

        assertThat(refused.problem()).isEqualTo(CatalogException.Problem.INVALID);
        assertThat(refused.violations()).extracting(Violation::path).containsExactlyInAnyOrder(
                "entityDeletionThreshold", "resources[0].kind", "resources[0].port.entity.mappings.colour", "resources[1].selector.query");
        assertThat(refused.getMessage()).contains("entityDeletionThreshold", "resources[0].kind", "resources[1].selector.query");
    }

    @Test
    void refusesYamlThatDoesNotParse() {
        CatalogException refused = refusal(() -> MappingParser.readYaml("resources: [\n  - kind: x\n bad"));

        assertThat(refused.problem()).isEqualTo(CatalogException.Problem.MALFORMED);
        assertThat(refused.getMessage()).startsWith("The mapping is not valid YAML");
    }
}
