package dev.portolan.jq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Syntax errors, unknown functions and unknown variables are reported at compile time with their position. */
class CompileErrorTest {

    static Stream<Arguments> errors() {
        return Stream.of(
            Arguments.of(".a | foo", "foo/0 is not defined", 1, 6),
            Arguments.of("map(.) | map(1; 2)", "map/2 is not defined", 1, 10),
            Arguments.of("1 as $x | $y", "$y is not defined", 1, 11),
            Arguments.of("break $out", "$*label-out is not defined", 1, 1),
            Arguments.of("[1, 2", "syntax error, unexpected end of file", 1, 6),
            Arguments.of(".id | [", "syntax error, unexpected end of file", 1, 8),
            Arguments.of("{1+2:3}", "May need parentheses around object key expression", 1, 2),
            Arguments.of("1 == 2 == 3", "syntax error, unexpected ==", 1, 8),
            Arguments.of(".a |\n\n  .b | nosuch(1)", "nosuch/1 is not defined", 3, 8),
            Arguments.of("{e: . as $v | $v}", "syntax error, unexpected as", 1, 7),
            Arguments.of("{(1): 2}", "Cannot use number (1) as object key", 1, 3),
            Arguments.of("if . then 1 else 2", "syntax error, unexpected end of file", 1, 19),
            Arguments.of("\"abc", "unterminated string literal", 1, 5),
            Arguments.of("def f: 1; f(2)", "f/1 is not defined", 1, 11),
            Arguments.of("def f(g): g; g", "g/0 is not defined", 1, 14),
            // jq's own checks of module directives come before Portolan refuses imports.
            Arguments.of("module (.a); .", "Module metadata must be constant", 1, 8),
            Arguments.of("module [1]; .", "Module metadata must be an object", 1, 8),
            Arguments.of("import \"lib/\\(.x)\" as lib; .", "Import path must be constant", 1, 8),
            Arguments.of("include \"lib\" {search: .dir}; .", "Module metadata must be constant", 1, 15),
            Arguments.of(". | import \"lib\" as lib; .", "syntax error, unexpected import", 1, 5));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void reportsTheProblemAndWhereItIs(String program, String reason, int line, int column) {
        assertThatThrownBy(() -> Jq.compile(program))
                .isInstanceOfSatisfying(JqCompileException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                });
    }

    static Stream<String> jq18Syntax() {
        return Stream.of(
            "{if: 1, then: 2, reduce: 3, foreach: 4, and: 5, or: 6, def: 7, end: 8}",
            ". as $and | $and",
            ".end.if.then",
            "if . then 1 end",
            ".a.[0]?",
            ". as [$a] ?// $a | $a",
            "def f: def g: 1; g; f",
            "reduce .[] as [$a, {b: $c}] (0; . + $a)",
            "label $out | foreach .[] as $x (0; . + 1; if . > 2 then ., break $out else . end)",
            "\"\\(1 + 2) \\(\"nested \\(3)\")\"",
            "@base64 \"x\\(.)\" | @base64d",
            "#comment\n.",
            ".[] as {a: $x, $y, \"z\": [$w]} | $x",
            "try error catch .",
            "-1 - -2",
            ".. |= .",
            "$__loc__",
            "{$__loc__}",
            "{\"a\": 1} | {a}",
            "{\"a b\"}",
            ".a?.b?",
            ".[]?",
            "..?");
    }

    @ParameterizedTest
    @MethodSource("jq18Syntax")
    void acceptsJq18Syntax(String program) {
        Jq.compile(program);
    }

    @Test
    void importAndIncludeAreRefusedByNameAsThereIsNoModuleSystem() {
        assertThatThrownBy(() -> Jq.compile("import \"tools\" as t; t::f"))
                .isInstanceOfSatisfying(JqCompileException.class, e -> assertThat(e.reason())
                        .isEqualTo("import is not supported: Portolan's jq has no module system (import \"tools\")"));
        assertThatThrownBy(() -> Jq.compile("module {version: 1};\ninclude \"tools\"; f"))
                .isInstanceOfSatisfying(JqCompileException.class, e -> {
                    assertThat(e.reason()).startsWith("include is not supported");
                    assertThat(e.line()).isEqualTo(2);
                });
    }

    @Test
    void aModuleDirectiveOnlyCarriesMetadataSoItIsAcceptedAndIgnored() {
        assertThat(Jq.compile("module {name: \"mine\", tags: [\"a\", 1, null]}; .a + 1")
                .apply(dev.portolan.jq.value.Json.object().put("a", 1)))
                .extracting(Object::toString).containsExactly("2");
    }

    @Test
    void theModuleBuiltinsSayThatThereIsNoModuleSystem() {
        assertThatThrownBy(() -> Jq.compile("modulemeta").apply(dev.portolan.jq.value.Json.text("lib")))
                .hasMessage("modulemeta is not supported: Portolan's jq has no module system");
        assertThat(Jq.compile("try get_search_list catch .").apply(dev.portolan.jq.value.Json.NULL))
                .extracting(com.fasterxml.jackson.databind.JsonNode::textValue)
                .containsExactly("get_search_list is not supported: Portolan's jq has no module system");
    }

    @Test
    void theMessageShowsTheLineAndACaret() {
        assertThatThrownBy(() -> Jq.compile(".a | foo"))
                .hasMessage("foo/0 is not defined at <top-level>, line 1, column 6:\n    .a | foo\n         ^");
    }
}
