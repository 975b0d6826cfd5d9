package dev.portolan.jq;

import dev.portolan.jq.builtins.Builtins;
import dev.portolan.jq.compile.Compiler;
import dev.portolan.jq.eval.Node;
import dev.portolan.jq.parse.JqParser;
import java.util.Objects;
import java.util.Set;

/**
 * Entry point of Portolan's jq engine: compiles jq programs (the language of the jq 1.8 manual).
 *
 * <pre>{@code
 * JqProgram p = Jq.compile("{identifier: .name, title: .full_name}");
 * Optional<JsonNode> entity = p.first(repository);
 * }</pre>
 *
 * Compilation checks the syntax and resolves every function and variable, so a program that
 * compiles never fails with "not defined" at runtime. Thread-safe.
 */
public final class Jq {
    private Jq() {
    }

    /**
     * Compiles a program that uses no host variables other than {@code $ENV} and {@code $__loc__}.
     *
     * @throws JqCompileException on a syntax error or an unknown function or variable
     */
    public static JqProgram compile(String program) {
        return compile(program, Set.of());
    }

    /**
     * Compiles a program that may refer to the given host variables (names without {@code $}); their
     * values come from {@link JqRuntime#variables()} at evaluation time (null when not supplied).
     *
     * @throws JqCompileException on a syntax error or an unknown function or variable
     */
    public static JqProgram compile(String program, Set<String> predeclaredVariableNames) {
        return compile(program, predeclaredVariableNames, JqSyntax.JQ);
    }

    /**
     * Compiles a program written in the given syntax ({@link JqSyntax#MAPPING} for mapping
     * expressions and calculation properties, which accept Port's single-quoted literals).
     *
     * @throws JqCompileException on a syntax error or an unknown function or variable
     */
    public static JqProgram compile(String program, JqSyntax syntax) {
        return compile(program, Set.of(), syntax);
    }

    /** As {@link #compile(String, Set)}, in the given syntax. */
    public static JqProgram compile(String program, Set<String> predeclaredVariableNames, JqSyntax syntax) {
        Objects.requireNonNull(program, "program");
        Set<String> globals = Set.copyOf(predeclaredVariableNames);
        Node root = new Compiler(program, globals, Builtins.instance())
                .compile(JqParser.parse(program, syntax == JqSyntax.MAPPING));
        return new JqProgram(program, root);
    }
}
