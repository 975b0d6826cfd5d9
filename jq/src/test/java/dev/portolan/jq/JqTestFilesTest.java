package dev.portolan.jq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.jq.cli.JqTestRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the jq-format test files through the {@code --run-tests} implementation. */
class JqTestFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"agreed-with-jq16.test", "jq18.test", "language.test"})
    void everyTestInTheFilePasses(String resource) throws IOException {
        assertEveryTestPasses(resource, JqSyntax.JQ);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mapping-syntax.test", "jq18.test", "language.test"})
    void everyTestInTheFilePassesInTheMappingSyntaxToo(String resource) throws IOException {
        assertEveryTestPasses(resource, JqSyntax.MAPPING);
    }

    private void assertEveryTestPasses(String resource, JqSyntax syntax) throws IOException {
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("/" + resource)) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        JqTestRunner.Summary summary = new JqTestRunner(new PrintStream(report, true, StandardCharsets.UTF_8), syntax).run(lines);
        assertThat(summary.passed())
                .as(report.toString(StandardCharsets.UTF_8))
                .isEqualTo(summary.tests());
        assertThat(summary.malformed()).isZero();
        assertThat(summary.tests()).isGreaterThan(10);
    }
}
