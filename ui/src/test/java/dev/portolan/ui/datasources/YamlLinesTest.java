package dev.portolan.ui.datasources;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlLinesTest {

    private static final String MAPPING = """
            deleteDependentEntities: true
            resources:
              - kind: service
                port:
                  entity:
                    mappings:
                      identifier: .name
                      blueprint: '"service"'
              - kind: team
                selector:
                  query: 'true'
                port:
                  entity:
                    mappings:
                      identifier: .id
                      properties:
                        url: .html_url
            """;

    @Test
    void findsTheLineOfAKeyByTheMappingsPathNotation() throws Exception {
        YamlLines lines = YamlLines.of(MAPPING);

        assertThat(lines.lineOf("deleteDependentEntities")).isEqualTo(1);
        assertThat(lines.lineOf("resources[0].port.entity.mappings.blueprint")).isEqualTo(8);
        assertThat(lines.lineOf("resources[1].selector.query")).isEqualTo(11);
        assertThat(lines.lineOf("resources[1].port.entity.mappings.properties.url")).isEqualTo(17);
    }

    @Test
    void aPathTheTextLacksIsPlacedAtItsNearestAncestor() throws Exception {
        YamlLines lines = YamlLines.of(MAPPING);

        assertThat(lines.lineOf("resources[0].port.entity.mappings.title")).isEqualTo(6);
        assertThat(lines.lineOf("resources[1]")).isEqualTo(9);
        assertThat(lines.lineOf("nowhere")).as("the document itself").isEqualTo(1);
    }

    @Test
    void textThatIsNotYamlSaysWhere() {
        assertThatThrownBy(() -> YamlLines.of("resources:\n  - kind: a\n   bad: [\n"))
                .isInstanceOf(JsonProcessingException.class)
                .satisfies(e -> assertThat(((JsonProcessingException) e).getLocation().getLineNr()).isGreaterThan(1));
    }
}
