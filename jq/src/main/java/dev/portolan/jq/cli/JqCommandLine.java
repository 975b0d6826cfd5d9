package dev.portolan.jq.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.jq.Jq;
import dev.portolan.jq.JqCompileException;
import dev.portolan.jq.JqException;
import dev.portolan.jq.JqHaltException;
import dev.portolan.jq.JqLimitException;
import dev.portolan.jq.JqProgram;
import dev.portolan.jq.JqRuntime;
import dev.portolan.jq.value.Json;
import dev.portolan.jq.value.JsonText;
import dev.portolan.jq.value.Values;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;

/**
 * A jq-compatible command line:
 * {@code [-c] [-n] [-r] [-j] [-s] [-R] [-S] [-e] [--arg k v] [--argjson k v] [--tab] [--indent n] PROGRAM [FILE...]}
 * and {@code --run-tests FILE}. Exit codes as jq: 0 ok, 1 with {@code -e} when the last output is
 * false or null, 2 usage or input errors, 3 compile errors, 5 runtime errors.
 */
public final class JqCommandLine {
    private static final ObjectMapper MAPPER = dev.portolan.jq.builtins.JsonInput.mapper();

    private JqCommandLine() {
    }

    public static void main(String[] args) {
        // A large buffer, flushed once at the end: printing line by line would dominate big runs.
        PrintStream out = new PrintStream(new java.io.BufferedOutputStream(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16), false,
                java.nio.charset.StandardCharsets.UTF_8);
        int code = run(args, System.in, out, System.err);
        out.flush();
        System.exit(code);
    }

    /** Runs jq with these arguments; returns the exit code. Never calls {@code System.exit}. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        CliOptions options;
        try {
            options = OptionParser.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("jq: error: " + e.getMessage());
            err.println("Usage: jq [OPTIONS] FILTER [FILES...]");
            return 2;
        }
        if (options.testFile != null) {
            return new JqTestRunner(out, options.syntax(), System.getenv()).runFile(java.nio.file.Path.of(options.testFile));
        }
        JqProgram program;
        try {
            program = Jq.compile(options.program, options.variables.keySet(), options.syntax());
        } catch (JqCompileException e) {
            err.println("jq: error: " + e.getMessage());
            err.println("jq: 1 compile error");
            return 3;
        }
        try {
            return execute(program, options, InputReader.open(options, in, err), out, err);
        } catch (JqException e) {
            // Only reading the inputs throws one this far (JsonInputs): jq calls it a parse error.
            err.println("jq: parse error: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            if (e instanceof JqHaltException || e instanceof JqLimitException) {
                throw (RuntimeException) e;
            }
            err.println("jq: error (at <stdin>:0): " + inputError(e));
            return 2;
        }
    }

    /** One line about unreadable input: where the JSON breaks, not the parser's multi-line internals. */
    static String inputError(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
                var at = json.getLocation();
                String what = json.getOriginalMessage() == null ? "invalid JSON" : json.getOriginalMessage().lines().findFirst().orElse("");
                return "invalid JSON input" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": " + what;
            }
            if (t instanceof java.nio.file.NoSuchFileException missing) return "could not open " + missing.getFile() + ": no such file";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private static int execute(JqProgram program, CliOptions options, Iterator<JsonNode> inputs, PrintStream out,
            PrintStream err) {
        JqRuntime runtime = JqRuntime.defaults().withVariables(options.variables)
                .withEnvironment(System.getenv()).withInputs(inputs);
        int status = 0;
        JsonNode[] last = {null};
        List<JsonNode> firstInputs = options.nullInput ? List.of(Json.NULL) : null;
        Iterator<JsonNode> source = firstInputs != null ? firstInputs.iterator() : inputs;
        while (source.hasNext()) {
            JsonNode input = source.next();
            try {
                program.run(input, runtime, v -> {
                    last[0] = v;
                    print(v, options, out);
                    return true;
                });
            } catch (JqException e) {
                err.println("jq: error (at <unknown>)" + describe(e));
                status = 5;
            } catch (JqLimitException e) {
                err.println("jq: error (at <unknown>): " + e.getMessage());
                status = 5;
            } catch (JqHaltException e) {
                return halt(e, out, err);
            }
        }
        out.flush();
        if (options.exitStatus && status == 0) {
            return last[0] == null ? 4 : Values.truthy(last[0]) ? 0 : 1;
        }
        return status;
    }

    private static String describe(JqException e) {
        JsonNode value = e.value();
        if (value != null && !value.isTextual()) {
            return " (not a string): " + JsonText.compact(value);
        }
        return ": " + e.getMessage();
    }

    private static int halt(JqHaltException e, PrintStream out, PrintStream err) {
        out.flush();
        JsonNode value = e.value();
        if (value != null) {
            err.print(value.isTextual() ? value.textValue() : JsonText.compact(value) + "\n");
            err.flush();
        }
        return e.exitCode();
    }

    static void print(JsonNode v, CliOptions options, PrintStream out) {
        JsonNode value = options.sortKeys ? SortedKeys.apply(v) : v;
        if (options.seq) {
            out.print('\u001e');
        }
        if ((options.rawOutput || options.joinOutput) && value.isTextual() && !options.asciiOutput) {
            out.print(value.textValue());
        } else {
            String text = options.compact ? JsonText.compact(value) : JsonText.pretty(value, options.indent);
            out.print(options.asciiOutput ? asciiOnly(text) : text);
        }
        if (!options.joinOutput) {
            out.print('\n');
        }
    }

    /** {@code -a}: every non-ASCII character as a {@code \\uXXXX} escape (they only occur inside strings). */
    private static String asciiOnly(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
