package dev.portolan.jq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JqApiTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    @Test
    void appliesAMappingToAnObject() throws Exception {
        JqProgram program = Jq.compile("{identifier: .name, title: .name, properties: {url: .html_url}}");
        assertThat(program.apply(json("{\"name\":\"portolan\",\"html_url\":\"https://x\"}")))
                .containsExactly(json("{\"identifier\":\"portolan\",\"title\":\"portolan\",\"properties\":{\"url\":\"https://x\"}}"));
    }

    @Test
    void firstStopsAfterTheFirstOutput() {
        JqProgram program = Jq.compile("range(1; infinite)");
        assertThat(program.first(NullNode.getInstance())).contains(IntNode.valueOf(1));
    }

    @Test
    void firstIsEmptyWhenTheProgramHasNoOutput() {
        assertThat(Jq.compile("empty").first(NullNode.getInstance())).isEmpty();
    }

    @Test
    void hostVariablesMustBePredeclared() throws Exception {
        assertThatThrownBy(() -> Jq.compile("$item.name"))
                .isInstanceOf(JqCompileException.class)
                .hasMessageContaining("$item is not defined");
        JqProgram program = Jq.compile("$item.name", Set.of("item"));
        JqRuntime runtime = JqRuntime.defaults().withVariables(Map.of("item", json("{\"name\":\"x\"}")));
        assertThat(program.apply(NullNode.getInstance(), runtime)).containsExactly(json("\"x\""));
    }

    @Test
    void runtimeErrorsCarryJqsMessage() {
        assertThatThrownBy(() -> Jq.compile(".a").apply(IntNode.valueOf(1)))
                .isInstanceOf(JqException.class)
                .hasMessage("Cannot index number with string (\"a\")");
    }

    @Test
    void aCommentEndingInABackslashContinuesOnTheNextLine() {
        assertThat(Jq.compile("[1, # one \\\n 2,\n 3]").apply(NullNode.getInstance()))
                .containsExactly(MAPPER.createArrayNode().add(1).add(3));
        assertThat(Jq.compile("[1, # one \\\\\n 2]").apply(NullNode.getInstance()))
                .containsExactly(MAPPER.createArrayNode().add(1).add(2));
    }

    @Test
    void unknownFunctionsAreCompileErrorsWithLineAndColumn() {
        assertThatThrownBy(() -> Jq.compile(".a |\n  foo(1)"))
                .isInstanceOfSatisfying(JqCompileException.class, e -> {
                    assertThat(e.reason()).isEqualTo("foo/1 is not defined");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(3);
                    assertThat(e.getMessage()).endsWith("  foo(1)\n      ^");
                });
    }
}
