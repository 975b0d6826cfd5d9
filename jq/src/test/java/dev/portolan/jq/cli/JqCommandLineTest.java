package dev.portolan.jq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JqCommandLineTest {

    private record Result(int exitCode, String out, String err) { }

    private static Result jq(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = JqCommandLine.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsIndentedOutputByDefault() {
        assertThat(jq("{\"a\":1,\"b\":[1,2],\"c\":{}}", ".").out())
                .isEqualTo("{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ],\n  \"c\": {}\n}\n");
    }

    @Test
    void compactOutputMatchesJq() {
        assertThat(jq("{\"a\":1,\"b\":[1,2]} {\"a\":2.50}", "-c", ".").out())
                .isEqualTo("{\"a\":1,\"b\":[1,2]}\n{\"a\":2.50}\n");
    }

    @Test
    void singleQuotedLiteralsNeedTheSingleQuotesOptionAsPlainJqRefusesThem() {
        Result plain = jq("{\"a\":\"x\"}", ".a + '/'");
        assertThat(plain.exitCode()).isEqualTo(3);
        assertThat(plain.err()).contains("syntax error, unexpected INVALID_CHARACTER");

        Result mapping = jq("{\"a\":\"x\"}", "-c", "--single-quotes", ".a + '/' + \"it's\"");
        assertThat(mapping.exitCode()).isZero();
        assertThat(mapping.out()).isEqualTo("\"x/it's\"\n");
    }

    @Test
    void tabAndIndentOptionsChangeTheIndentation() {
        assertThat(jq("[1]", "--tab", ".").out()).isEqualTo("[\n\t1\n]\n");
        assertThat(jq("[1]", "--indent", "4", ".").out()).isEqualTo("[\n    1\n]\n");
    }

    @Test
    void rawAndJoinOutput() {
        assertThat(jq("[\"a\",1]", "-r", ".[]").out()).isEqualTo("a\n1\n");
        assertThat(jq("[\"a\",1]", "-j", ".[]").out()).isEqualTo("a1");
    }

    @Test
    void nullInputSlurpAndArguments() {
        assertThat(jq("", "-n", "-c", "--arg", "x", "1", "--argjson", "y", "{\"z\":2}", "[$x, $y.z]").out())
                .isEqualTo("[\"1\",2]\n");
        assertThat(jq("1 2 3", "-s", "-c", ".").out()).isEqualTo("[1,2,3]\n");
        assertThat(jq("1 2 3", "-n", "-c", "[inputs]").out()).isEqualTo("[1,2,3]\n");
        assertThat(jq("a\nb\n", "-R", "-c", ".").out()).isEqualTo("\"a\"\n\"b\"\n");
    }

    @Test
    void runtimeErrorsExitWithFiveAndGoOnWithTheNextInput() {
        Result r = jq("1 {\"a\":2}", ".a");
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).contains("jq: error (at <unknown>): Cannot index number with string (\"a\")");
        assertThat(r.out()).isEqualTo("2\n");
    }

    @Test
    void compileErrorsExitWithThree() {
        Result r = jq("null", ".a | nosuch");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).startsWith("jq: error: nosuch/0 is not defined at <top-level>, line 1, column 6:")
                .contains("jq: 1 compile error");
    }

    @Test
    void haltErrorPrintsItsMessageAndUsesItsExitCode() {
        Result r = jq("null", "-n", "\"bye\\n\" | halt_error(7)");
        assertThat(r.exitCode()).isEqualTo(7);
        assertThat(r.err()).isEqualTo("bye\n");
        assertThat(jq("null", "-n", "{\"a\":1} | halt_error").err()).isEqualTo("{\"a\":1}\n");
    }

    @Test
    void exitStatusReflectsTheLastOutput() {
        assertThat(jq("null", "-e", ".").exitCode()).isEqualTo(1);
        assertThat(jq("1", "-e", ".").exitCode()).isZero();
    }

    @Test
    void asciiSeqAndStreamOptions() {
        assertThat(jq("\"\u00e9\"", "-a", ".").out()).isEqualTo("\"\\u00e9\"\n");
        assertThat(jq("1", "--seq", ".").out()).isEqualTo("\u001e1\n");
        assertThat(jq("{\"a\":[1]}", "-c", "--stream", ".").out())
                .isEqualTo("[[\"a\",0],1]\n[[\"a\",0]]\n[[\"a\"]]\n");
    }

    @Test
    void sortKeys() {
        assertThat(jq("{\"b\":1,\"a\":{\"d\":1,\"c\":2}}", "-S", "-c", ".").out()).isEqualTo("{\"a\":{\"c\":2,\"d\":1},\"b\":1}\n");
    }

    @Test
    void readsFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("in.json");
        Files.writeString(file, "{\"a\":1}\n{\"a\":2}\n");
        assertThat(jq("", "-c", ".a", file.toString()).out()).isEqualTo("1\n2\n");
    }

    @Test
    void runTestsReportsJqsSummaryLine(@TempDir Path dir) throws IOException {
        Path tests = dir.resolve("t.test");
        Files.writeString(tests, String.join("\n",
                "# a comment", "", ".a", "{\"a\":1}", "1", "", ".[]", "[1,2]", "1", "3", "",
                "%%FAIL", "nosuch", "jq: error: nosuch/0 is not defined at <top-level>, line 1:", ""));
        Result r = jq("", "--run-tests", tests.toString());
        assertThat(r.out()).contains("Expected [1, 3], but got [1, 2]")
                .endsWith("2 of 3 tests passed (0 malformed, 0 skipped)\n");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void inputThatIsNotJsonIsAParseErrorInJqsWordsWithItsLineAndColumn() {
        Result r = jq("{\"a\":1}\n[1 2]\n", "-c", ".");
        assertThat(r.out()).isEqualTo("{\"a\":1}\n");
        assertThat(r.err()).isEqualTo("jq: parse error: Expected separator between values at line 2, column 5\n");
        assertThat(r.exitCode()).isEqualTo(2);

        assertThat(jq("[1,\n2", ".").err()).isEqualTo("jq: parse error: Unfinished JSON term at EOF at line 2, column 1\n");
        assertThat(jq("{'a': 1}", ".").err())
                .isEqualTo("jq: parse error: Invalid string literal; expected \", but got ' at line 1, column 5\n");
        assertThat(jq("[1] tru\n", ".").err()).isEqualTo("jq: parse error: Invalid literal at line 2, column 0\n");
    }

    @Test
    void theErrorIsLocatedAfterManyValuesAndPastTheReadBuffer() {
        String line = "{\"n\":1,\"pad\":\"" + "x".repeat(60) + "\"}\n";
        Result r = jq(line.repeat(3000) + "[1,,2]\n", "-c", ".n");
        assertThat(r.out()).isEqualTo("1\n".repeat(3000));
        assertThat(r.err()).isEqualTo("jq: parse error: Expected value before ',' at line 3001, column 4\n");
    }

    @Test
    void aProgramReadingInputCanCatchTheParseError() {
        Result r = jq("1 [2,]", "-n", "-c", "[input, (try input catch .)]");
        assertThat(r.out()).isEqualTo("[1,\"Expected another array element at line 1, column 6\"]\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void withSeqATextThatDoesNotReadIsSkippedAndReadingGoesOn() {
        Result r = jq("\u001e{\"a\":1}\n\u001e[1 2]\n\u001e[2\u001e3\n", "-c", "--seq", ".");
        assertThat(r.out()).isEqualTo("\u001e{\"a\":1}\n\u001e3\n");
        assertThat(r.err()).isEqualTo(
                "jq: ignoring parse error: Expected separator between values at line 2, column 6 (need RS to resync)\n"
                + "jq: ignoring parse error: Truncated value at line 3, column 4\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void theModuleSearchPathIsRefusedByName() {
        Result r = jq("null", "-L", "lib", ".");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("-L (the module search path) is not supported: Portolan's jq has no module system");
    }

    @Test
    void inRunTestsEnvAndDollarEnvAreTheEnvironmentAsInJqsRunner(@TempDir Path dir) throws IOException {
        // jq 1.8.2's man.test reads $ENV.PAGER and env.PAGER (its tests/mantest sets PAGER=less).
        String path = com.fasterxml.jackson.databind.node.TextNode.valueOf(System.getenv("PATH")).toString();
        Path tests = dir.resolve("t.test");
        Files.writeString(tests, String.join("\n", "$ENV.PATH", "null", path, "", "env.PATH", "null", path, ""));
        assertThat(jq("", "--run-tests", tests.toString()).out()).isEqualTo("2 of 2 tests passed (0 malformed, 0 skipped)\n");
    }

    @Test
    void inRunTestsThereIsNoInputAsInJqsRunner(@TempDir Path dir) throws IOException {
        Path tests = dir.resolve("t.test");
        Files.writeString(tests, String.join("\n", "try input catch .", "null", "\"break\"", ""));
        assertThat(jq("", "--run-tests", tests.toString()).out()).isEqualTo("1 of 1 tests passed (0 malformed, 0 skipped)\n");
    }
}
