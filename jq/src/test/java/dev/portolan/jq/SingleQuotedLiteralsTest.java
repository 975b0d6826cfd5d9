package dev.portolan.jq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Port's single-quoted literals: accepted in the mapping syntax only, with jq 1.8's result for the double-quoted program. */
class SingleQuotedLiteralsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String run(String program, JqSyntax syntax, String input) throws Exception {
        JsonNode out = Jq.compile(program, syntax).first(MAPPER.readTree(input)).orElseThrow();
        return out.toString();
    }

    @Test
    void aMappingGivesWhatPortGivesForTheDoubleQuotedProgram() throws Exception {
        String repo = "{\"owner\":{\"login\":\"octo\"},\"name\":\"hello\",\"status\":\"queued\"}";
        // jq 1.8 on the rewritten programs: "octo/hello", "", true, "literal"
        assertThat(run(".owner.login + '/' + .name", JqSyntax.MAPPING, repo)).isEqualTo("\"octo/hello\"");
        assertThat(run(".missing // ''", JqSyntax.MAPPING, repo)).isEqualTo("\"\"");
        assertThat(run(".status != 'completed'", JqSyntax.MAPPING, repo)).isEqualTo("true");
        assertThat(run("'literal'", JqSyntax.MAPPING, repo)).isEqualTo("\"literal\"");
    }

    @Test
    void aSingleQuotedLiteralStandsWhereverAStringLiteralMay() throws Exception {
        assertThat(run("split('-')", JqSyntax.MAPPING, "\"a-b\"")).isEqualTo("[\"a\",\"b\"]");
        assertThat(run("test('^api')", JqSyntax.MAPPING, "\"api-gw\"")).isEqualTo("true");
        assertThat(run(".a + ' ' + .b", JqSyntax.MAPPING, "{\"a\":\"x\",\"b\":\"y\"}")).isEqualTo("\"x y\"");
        assertThat(run("{('k' + 'ey'): 'v\\(1 + 1)'}", JqSyntax.MAPPING, "null")).isEqualTo("{\"key\":\"v2\"}");
    }

    @Test
    void anApostropheInsideADoubleQuotedStringIsNeverTouched() throws Exception {
        assertThat(run("\"it's\" + \" 'x'\"", JqSyntax.MAPPING, "null")).isEqualTo("\"it's 'x'\"");
    }

    @Test
    void plainJqRefusesSingleQuotesAsJqDoes() {
        assertThatThrownBy(() -> Jq.compile("'literal'"))
                .isInstanceOfSatisfying(JqCompileException.class,
                        e -> assertThat(e.reason()).isEqualTo("syntax error, unexpected INVALID_CHARACTER"));
    }

    @Test
    void anUnterminatedSingleQuotedLiteralIsACompileErrorWithItsColumn() {
        assertThatThrownBy(() -> Jq.compile(".a + 'oops", JqSyntax.MAPPING))
                .isInstanceOfSatisfying(JqCompileException.class, e -> {
                    assertThat(e.reason()).isEqualTo("unterminated single-quoted string literal");
                    assertThat(e.column()).isEqualTo(11);
                });
    }
}
