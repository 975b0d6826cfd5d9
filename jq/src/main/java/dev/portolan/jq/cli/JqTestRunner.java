package dev.portolan.jq.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.Jq;
import dev.portolan.jq.JqCompileException;
import dev.portolan.jq.JqException;
import dev.portolan.jq.JqProgram;
import dev.portolan.jq.JqRuntime;
import dev.portolan.jq.JqSyntax;
import dev.portolan.jq.LargeStack;
import dev.portolan.jq.builtins.JsonInput;
import dev.portolan.jq.value.JsonText;
import dev.portolan.jq.value.Values;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * jq's {@code --run-tests} mode. A test is a program line, an input line and the expected output
 * lines, ended by a blank line; {@code #} lines are comments. {@code %%FAIL} (or
 * {@code %%FAIL IGNORE MSG}) introduces a program that must not compile, followed by the expected
 * error message. Prints failures and jq's summary line; returns 0 when every test passed.
 */
public final class JqTestRunner {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_SHOWN = 300;
    /**
     * jq's own runner gives its programs no input: there {@code input} fails with the error
     * "break" (jq.test checks it). Ours does the same, so jq's test files run unchanged.
     */
    private static final Iterator<JsonNode> NO_INPUT = new Iterator<>() {
        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public JsonNode next() {
            throw new JqException("break");
        }
    };
    private final PrintStream out;
    private final JqSyntax syntax;
    private final Map<String, String> environment;
    private int tests;
    private int passed;
    private int malformed;

    public JqTestRunner(PrintStream out) {
        this(out, JqSyntax.JQ);
    }

    public JqTestRunner(PrintStream out, JqSyntax syntax) {
        this(out, syntax, Map.of());
    }

    /**
     * @param environment what {@code $ENV} and {@code env} give the tests: jq's runner gives its
     *     own environment (man.test reads {@code $ENV.PAGER}), so the command line passes it
     */
    public JqTestRunner(PrintStream out, JqSyntax syntax, Map<String, String> environment) {
        this.out = out;
        this.syntax = syntax;
        this.environment = Map.copyOf(environment);
    }

    /** The outcome: how many tests ran, passed and were malformed. */
    public record Summary(int tests, int passed, int malformed) { }

    public int runFile(Path file) {
        try {
            return run(Files.readAllLines(file, StandardCharsets.UTF_8)).passed() == tests && malformed == 0 ? 0 : 1;
        } catch (IOException e) {
            out.println("jq: error: could not open " + file + ": " + e.getMessage());
            return 2;
        }
    }

    /** Runs the tests on a thread with a large stack, so that deep values never overflow it. */
    public Summary run(List<String> lines) {
        Summary[] result = new Summary[1];
        LargeStack.run(() -> result[0] = runHere(lines));
        return result[0];
    }

    private Summary runHere(List<String> lines) {
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                i++;
                continue;
            }
            int start = i;
            List<String> block = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).isEmpty()) {
                if (!lines.get(i).startsWith("#")) {
                    block.add(lines.get(i));
                }
                i++;
            }
            runBlock(block, start + 1);
        }
        out.println(passed + " of " + tests + " tests passed (" + malformed + " malformed, 0 skipped)");
        return new Summary(tests, passed, malformed);
    }

    private void runBlock(List<String> block, int lineNumber) {
        tests++;
        if (block.get(0).startsWith("%%FAIL")) {
            expectCompileFailure(block, lineNumber);
            return;
        }
        if (block.size() < 2) {
            malformed++;
            out.println("*** Malformed test at line " + lineNumber);
            return;
        }
        String programText = block.get(0);
        try {
            JqProgram program = Jq.compile(programText, syntax);
            // jq skips a byte order mark before a JSON text.
            JsonNode input = JqCommandLine.mapper().readTree(JsonInput.withJqNaN(stripByteOrderMark(block.get(1))));
            List<JsonNode> actual = new ArrayList<>();
            try {
                program.run(input, JqRuntime.defaults().withTimeout(TIMEOUT).withEnvironment(environment).withInputs(NO_INPUT), actual::add);
            } catch (JqException e) {
                // As in jq's runner, a runtime error ends the outputs: the ones before it are compared.
            }
            List<JsonNode> expected = new ArrayList<>();
            for (String e : block.subList(2, block.size())) {
                expected.add(JqCommandLine.mapper().readTree(JsonInput.withJqNaN(e)));
            }
            if (sameOutputs(expected, actual)) {
                passed++;
            } else {
                out.println("*** Expected " + render(expected) + ", but got " + render(actual)
                        + " for test at line number " + lineNumber + ": " + programText);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            malformed++;
            out.println("*** Malformed test at line " + lineNumber + ": " + e.getOriginalMessage());
        } catch (RuntimeException | StackOverflowError e) {
            out.println("*** Test program failed to run at line " + lineNumber + ": " + programText + ": "
                    + shorten(String.valueOf(e.getMessage())));
        }
    }

    private static boolean sameOutputs(List<JsonNode> expected, List<JsonNode> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int k = 0; k < expected.size(); k++) {
            // Text equality too, so that nan (never equal to itself) and values too deep for == can be expected.
            if (!equalOrTooDeep(expected.get(k), actual.get(k))
                    && !JsonText.compact(expected.get(k)).equals(JsonText.compact(actual.get(k)))
                    && !sameNumberText(expected.get(k), actual.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalOrTooDeep(JsonNode expected, JsonNode actual) {
        try {
            return Values.equal(expected, actual);
        } catch (JqException tooDeep) {
            return false;
        }
    }

    /** An expected 1.7976931348623157e+308 stands for infinite, which jq prints so. */
    private static boolean sameNumberText(JsonNode expected, JsonNode actual) {
        return expected.isNumber() && actual.isNumber()
                && JsonText.number(expected.doubleValue()).equals(JsonText.compact(actual));
    }

    private static String render(List<JsonNode> values) {
        return shorten(values.stream().map(JsonText::compact).toList().toString());
    }

    private static String stripByteOrderMark(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String shorten(String s) {
        return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "... (" + s.length() + " characters)";
    }

    private void expectCompileFailure(List<String> block, int lineNumber) {
        boolean ignoreMessage = block.get(0).contains("IGNORE MSG");
        if (block.size() < 2) {
            malformed++;
            return;
        }
        String programText = block.get(1);
        try {
            Jq.compile(programText, syntax);
            out.println("*** Test program compiled that should not have at line " + lineNumber + ": " + programText);
        } catch (JqCompileException e) {
            String expected = block.size() > 2 ? block.get(2) : "";
            if (ignoreMessage || expected.isEmpty() || expected.contains(e.reason())) {
                passed++;
            } else {
                out.println("*** Erroneous test program failed with wrong message (" + e.reason()
                        + ") at line number " + lineNumber + ": " + programText);
            }
        }
    }
}
