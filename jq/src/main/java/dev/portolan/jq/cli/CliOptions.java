package dev.portolan.jq.cli;

import dev.portolan.jq.JqSyntax;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parsed command line of {@link JqCommandLine}. Mutable while parsing, then only read. */
final class CliOptions {
    boolean compact;
    boolean nullInput;
    boolean rawOutput;
    boolean joinOutput;
    boolean slurp;
    boolean rawInput;
    boolean sortKeys;
    boolean exitStatus;
    boolean asciiOutput;
    boolean seq;
    boolean stream;
    /** {@code --single-quotes}: the mapping syntax ({@code 'text'} literals), off by default as in jq. */
    boolean singleQuotes;
    String indent = "  ";
    String program;
    String testFile;
    final Map<String, JsonNode> variables = new LinkedHashMap<>();
    final List<String> files = new ArrayList<>();
    /** {@code --args} / {@code --jsonargs}: how to read the remaining positional arguments (null: as files). */
    String positionalMode;
    final List<JsonNode> positional = new ArrayList<>();

    JqSyntax syntax() {
        return singleQuotes ? JqSyntax.MAPPING : JqSyntax.JQ;
    }
}
