package dev.portolan.server.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the command line says when it is given something wrong: one clear line, no stack trace. */
class CommandLineErrorsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private InputStream originalIn;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        originalIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        System.setIn(originalIn);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void mappingTestWithAMissingMappingFileSaysSoInOneLine() throws Exception {
        Path input = Files.writeString(dir.resolve("in.json"), "{\"id\": 1}");

        int code = Main.run(new String[]{"mapping", "test", "--mapping", dir.resolve("nope.yaml").toString(), "--kind", "item",
                "--input", input.toString()});

        assertThat(code).isEqualTo(2);
        assertThat(err().strip()).doesNotContain("\n", "Exception", "\tat ")
                .contains("--mapping", "nope.yaml", "no such file");
    }

    @Test
    void mappingTestWithAMissingOrBrokenInputSaysSoInOneLine() throws Exception {
        Path mapping = Files.writeString(dir.resolve("mapping.yaml"), """
                resources:
                  - kind: item
                    selector: {query: 'true'}
                    port: {entity: {mappings: {identifier: .id, blueprint: '"x"'}}}
                """);
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"id\": ");

        int missing = Main.run(new String[]{"mapping", "test", "--mapping", mapping.toString(), "--kind", "item",
                "--input", dir.resolve("none.json").toString()});
        String missingErr = err();
        err.reset();
        int invalid = Main.run(new String[]{"mapping", "test", "--mapping", mapping.toString(), "--kind", "item",
                "--input", broken.toString()});

        assertThat(missing).isEqualTo(2);
        assertThat(missingErr.strip()).doesNotContain("\n", "Exception").contains("--input", "no such file");
        assertThat(invalid).isEqualTo(2);
        assertThat(err().strip()).doesNotContain("\n", "Exception", "Source:").contains("--input", "not valid JSON");
    }

    @Test
    void jqWithInvalidJsonInputSaysWhereInOneLine() {
        System.setIn(new ByteArrayInputStream("{\"a\": 1}\n{\"b\": tru}".getBytes(StandardCharsets.UTF_8)));

        int code = Main.run(new String[]{"jq", "-c", "."});

        assertThat(code).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("{\"a\":1}");
        // jq 1.8's wording, line and column (the column of the character that showed the error).
        assertThat(err().strip()).isEqualTo("jq: parse error: Invalid literal at line 2, column 10");
    }

    @Test
    void jqHelpPrintsTheUsage() {
        int code = Main.run(new String[]{"jq", "--help"});

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage:", "jq", "<program>");
    }
}
