package dev.portolan.jq.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.jq.value.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Parses jq's command-line options into {@link CliOptions}. */
final class OptionParser {
    private OptionParser() {
    }

    static CliOptions parse(String[] args) {
        CliOptions o = new CliOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                i = longOption(o, args, i);
            } else if (a.startsWith("-") && a.length() > 1) {
                for (char c : a.substring(1).toCharArray()) {
                    shortOption(o, c);
                }
            } else if (o.program == null && o.testFile == null) {
                o.program = a;
            } else if (o.positionalMode != null) {
                o.positional.add(o.positionalMode.equals("--args") ? Json.text(a) : json(a, "--jsonargs"));
            } else {
                o.files.add(a);
            }
        }
        if (o.positionalMode != null) {
            o.variables.put("ARGS", argsVariable(o));
        }
        if (o.program == null && o.testFile == null) {
            throw new IllegalArgumentException("no program given");
        }
        return o;
    }

    /** {@code $ARGS}: the positional arguments and the named variables. */
    private static JsonNode argsVariable(CliOptions o) {
        ObjectNode args = Json.object();
        args.putArray("positional").addAll(o.positional);
        ObjectNode named = args.putObject("named");
        o.variables.forEach(named::set);
        return args;
    }

    /** {@code --rawfile}: the text; {@code --slurpfile}: an array of the JSON texts in the file. */
    private static JsonNode readFile(String name, boolean raw) {
        try {
            String text = Files.readString(Path.of(name));
            if (raw) {
                return Json.text(text);
            }
            ArrayNode values = Json.array();
            JqCommandLine.mapper().readerFor(JsonNode.class).<JsonNode>readValues(text).forEachRemaining(values::add);
            return values;
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not open " + name + ": " + e.getMessage());
        }
    }

    private static JsonNode json(String text, String option) {
        try {
            return JqCommandLine.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(option + ": invalid JSON text " + text);
        }
    }

    private static void shortOption(CliOptions o, char c) {
        switch (c) {
            case 'c' -> o.compact = true;
            case 'n' -> o.nullInput = true;
            case 'r' -> o.rawOutput = true;
            case 'j' -> o.joinOutput = true;
            case 's' -> o.slurp = true;
            case 'R' -> o.rawInput = true;
            case 'S' -> o.sortKeys = true;
            case 'e' -> o.exitStatus = true;
            case 'a' -> o.asciiOutput = true;
            case 'C', 'M' -> { }
            case 'L' -> throw noModules("-L");
            default -> throw new IllegalArgumentException("Unknown option: -" + c);
        }
    }

    private static String need(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " takes a parameter");
        }
        return args[i];
    }

    private static int longOption(CliOptions o, String[] args, int i) {
        String a = args[i];
        switch (a) {
            case "--compact-output" -> o.compact = true;
            case "--null-input" -> o.nullInput = true;
            case "--raw-output" -> o.rawOutput = true;
            case "--join-output" -> o.joinOutput = true;
            case "--slurp" -> o.slurp = true;
            case "--raw-input" -> o.rawInput = true;
            case "--sort-keys" -> o.sortKeys = true;
            case "--exit-status" -> o.exitStatus = true;
            case "--tab" -> o.indent = "\t";
            case "--ascii-output" -> o.asciiOutput = true;
            case "--seq" -> o.seq = true;
            case "--stream" -> o.stream = true;
            case "--single-quotes" -> o.singleQuotes = true;
            case "--color-output", "--monochrome-output" -> { }
            case "--indent" -> {
                int n = Integer.parseInt(need(args, i + 1, a));
                if (n < 0 || n > 7) {
                    throw new IllegalArgumentException("Cannot indent more than 7 characters");
                }
                o.indent = " ".repeat(n);
                if (n == 0) {
                    o.compact = true;
                }
                return i + 1;
            }
            case "--arg" -> {
                o.variables.put(need(args, i + 1, a), Json.text(need(args, i + 2, a)));
                return i + 2;
            }
            case "--argjson" -> {
                o.variables.put(need(args, i + 1, a), json(need(args, i + 2, a), "--argjson " + args[i + 1]));
                return i + 2;
            }
            case "--args", "--jsonargs" -> o.positionalMode = a;
            case "--slurpfile", "--rawfile" -> {
                o.variables.put(need(args, i + 1, a), readFile(need(args, i + 2, a), a.equals("--rawfile")));
                return i + 2;
            }
            case "--run-tests" -> {
                o.testFile = need(args, i + 1, a);
                return i + 1;
            }
            case "--library-path" -> throw noModules(a);
            default -> throw new IllegalArgumentException("Unknown option: " + a);
        }
        return i;
    }

    /** jq's module search path: refused by name, as the language's import and include are. */
    private static IllegalArgumentException noModules(String option) {
        return new IllegalArgumentException(option + " (the module search path) is not supported:"
                + " Portolan's jq has no module system, so import and include are refused too");
    }
}
