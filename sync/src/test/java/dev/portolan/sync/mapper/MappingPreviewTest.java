package dev.portolan.sync.mapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.sync.host.IntegrationManager;
import dev.portolan.sync.jq.PortolanJqEngine;
import dev.portolan.sync.mapping.Mapping;
import dev.portolan.sync.mapping.MappingParser;
import dev.portolan.sync.testing.ScriptedIntegration;
import dev.portolan.sync.testing.SyncHarness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.portolan.catalog.TestJson.json;
import static dev.portolan.catalog.TestJson.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/** "Test mapping": what a mapping makes of sample objects, every null or failing leaf explained, nothing written. */
class MappingPreviewTest {

    private static final ScriptedIntegration INTEGRATION = new ScriptedIntegration(SyncHarness.KINDS);

    private static Mapping mapping(String yaml) {
        return IntegrationManager.mappingParser(INTEGRATION, INTEGRATION.settings().parse(null)).parse(MappingParser.readYaml(yaml));
    }

    private static final String MAPPING = """
            resources:
              - kind: repository
                selector:
                  query: .archived == false
                port:
                  entity:
                    mappings:
                      identifier: .name
                      title: .name | ascii_upcase
                      blueprint: '"service"'
                      team: '[.owner]'
                      properties:
                        url: .html_url
                        stars: .stars
                      relations:
                        owner: .owner
              - kind: team
                port: {entity: {mappings: {identifier: .name, blueprint: '"team"'}}}
              - kind: repository
                port:
                  itemsToParse: .modules
                  entity:
                    mappings:
                      identifier: .name + "-" + .item
                      blueprint: '"module"'
            """;

    private static ObjectNode preview(List<JsonNode> objects) {
        return MappingPreview.preview(mapping(MAPPING), "repository", objects, PortolanJqEngine.INSTANCE, Duration.ofSeconds(2));
    }

    @Test
    void showsTheEntitiesEveryResourceOfTheKindMakes() {
        ObjectNode result = preview(List.of(json("""
                {"name": "api", "html_url": "https://git.example.com/api", "stars": 3, "owner": "core",
                 "archived": false, "modules": ["a", "b"]}""")));

        assertThat(result.path("kind").asText()).isEqualTo("repository");
        assertThat(result.path("resources").findValuesAsText("resource")).containsExactly("resources[0]", "resources[2]");
        JsonNode first = result.path("resources").get(0).path("objects").get(0);
        assertThat(first.path("index").asInt()).isZero();
        assertThat(first.path("filteredOut").asBoolean()).isFalse();
        assertThat(first.path("failures").isEmpty()).isTrue();
        JsonNode entity = first.path("entities").get(0);
        assertThat(entity.path("blueprint").asText()).isEqualTo("service");
        assertThat(entity.path("problems").isEmpty()).isTrue();
        assertThat(entity.path("entity")).isEqualTo(json("""
                {"identifier": "api", "title": "API", "team": ["core"],
                 "properties": {"url": "https://git.example.com/api", "stars": 3}, "relations": {"owner": "core"}}"""));
        JsonNode modules = result.path("resources").get(1).path("objects").get(0).path("entities");
        assertThat(modules.findValuesAsText("identifier")).containsExactly("api-a", "api-b");
        assertThat(modules.get(0).path("blueprint").asText()).isEqualTo("module");
    }

    @Test
    void explainsEveryNullOrFailingLeaf() {
        ObjectNode result = preview(List.of(json("{\"name\": \"api\", \"archived\": false, \"stars\": 3}"),
                json("{\"name\": 7, \"archived\": false}"),
                json("{\"name\": \"old\", \"archived\": true}")));

        JsonNode objects = result.path("resources").get(0).path("objects");
        JsonNode problems = objects.get(0).path("entities").get(0).path("problems");
        assertThat(problems.findValuesAsText("path")).containsExactlyInAnyOrder(
                "resources[0].port.entity.mappings.properties.url",
                "resources[0].port.entity.mappings.relations.owner");
        assertThat(problems.get(0).path("expression").asText()).isEqualTo(".html_url");
        assertThat(problems.get(0).path("message").asText()).isEqualTo("gave null");

        JsonNode failed = objects.get(1);
        assertThat(failed.path("entities").isEmpty()).isTrue();
        assertThat(failed.path("failures").get(0).path("path").asText()).isEqualTo("resources[0].port.entity.mappings.identifier");
        assertThat(failed.path("failures").get(0).path("message").asText()).isEqualTo("no entity: the identifier must be a non-empty string, got 7");

        assertThat(objects.get(2).path("filteredOut").asBoolean()).isTrue();
        assertThat(objects.get(2).path("entities").isEmpty()).isTrue();
    }

    @Test
    void acceptsPortsSingleQuotedLiteralsWhereverPortEvaluatesJq() {
        // What Port gives: it rewrites ' to " before running jq, e.g. .owner + "/" + .name is "core/api".
        Mapping portMapping = mapping("""
                resources:
                  - kind: repository
                    selector:
                      query: ".visibility != 'private'"
                    port:
                      itemsToParse: "[.modules[] | select(. != '')]"
                      entity:
                        mappings:
                          identifier: ".owner + '/' + .name + '/' + .item"
                          title: ".description // ''"
                          blueprint: "'module'"
                          properties:
                            parts: ".name | split('-')"
                          relations:
                            owner:
                              combinator: and
                              rules:
                                - property: team
                                  operator: '='
                                  value: "'core'"
                """);
        ObjectNode result = MappingPreview.preview(portMapping, "repository", List.of(
                json("{\"name\": \"api-gw\", \"owner\": \"core\", \"visibility\": \"public\", \"modules\": [\"a\", \"\"]}"),
                json("{\"name\": \"secret\", \"owner\": \"core\", \"visibility\": \"private\", \"modules\": [\"a\"]}")),
                PortolanJqEngine.INSTANCE, Duration.ofSeconds(2));

        JsonNode objects = result.path("resources").get(0).path("objects");
        JsonNode entities = objects.get(0).path("entities");
        assertThat(entities.findValuesAsText("identifier")).containsExactly("core/api-gw/a");
        JsonNode entity = entities.get(0);
        assertThat(entity.path("blueprint").asText()).isEqualTo("module");
        assertThat(entity.path("entity").path("title").asText()).isEmpty();
        assertThat(entity.path("entity").path("properties").path("parts")).isEqualTo(json("[\"api\", \"gw\"]"));
        assertThat(objects.get(1).path("filteredOut").asBoolean()).isTrue();
    }

    @Test
    void refusesAKindTheMappingHasNoResourceFor() {
        CatalogException refused = refusal(() -> MappingPreview.preview(mapping(MAPPING), "issue", List.of(json("{}")),
                PortolanJqEngine.INSTANCE, Duration.ofSeconds(2)));

        assertThat(refused.problem()).isEqualTo(CatalogException.Problem.INVALID);
        assertThat(refused.violations().getFirst().message()).isEqualTo("the mapping has no resource of kind 'issue'");
    }
}
