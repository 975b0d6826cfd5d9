package dev.portolan.jq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.eval.Env;
import dev.portolan.jq.eval.Execution;
import dev.portolan.jq.eval.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A compiled jq program. Immutable and thread-safe: compile once, evaluate many times from any
 * number of threads. Inputs are never modified.
 *
 * <p>Errors: {@link JqException} for jq runtime errors (what {@code error} raises, or e.g.
 * {@code Cannot index number with "a"}), {@link JqLimitException} when the runtime's deadline,
 * step budget or cancel flag stops the evaluation (or recursion is too deep), and
 * {@link JqHaltException} for {@code halt}/{@code halt_error}.
 */
public final class JqProgram {
    private final String source;
    private final Node root;

    JqProgram(String source, Node root) {
        this.source = source;
        this.root = root;
    }

    /** The program text it was compiled from. */
    public String source() {
        return source;
    }

    /** All outputs, with no variables and no limits. */
    public List<JsonNode> apply(JsonNode input) {
        return apply(input, JqRuntime.defaults());
    }

    /** All outputs. */
    public List<JsonNode> apply(JsonNode input, JqRuntime runtime) {
        List<JsonNode> outputs = new ArrayList<>();
        run(input, runtime, v -> {
            outputs.add(v);
            return true;
        });
        return outputs;
    }

    /** The first output, or empty when there is none; the program stops right after it. */
    public Optional<JsonNode> first(JsonNode input) {
        return first(input, JqRuntime.defaults());
    }

    /** The first output, or empty when there is none; the program stops right after it. */
    public Optional<JsonNode> first(JsonNode input, JqRuntime runtime) {
        if (root.isSingle()) {
            // Most mapping expressions yield exactly one value: skip the output machinery.
            try {
                return Optional.of(root.one(input, Env.root(new Execution(runtime))));
            } catch (StackOverflowError e) {
                // fall through to run(), which retries on a large stack
            }
        }
        JsonNode[] found = {null};
        run(input, runtime, v -> {
            found[0] = v;
            return false;
        });
        return Optional.ofNullable(found[0]);
    }

    /**
     * Pushes outputs into {@code sink} as they are produced, on the calling thread. The sink returns
     * false to stop the evaluation (lazily: nothing more is computed).
     */
    public void run(JsonNode input, JqRuntime runtime, Predicate<JsonNode> sink) {
        boolean[] emitted = {false};
        try {
            evaluate(input, runtime, v -> {
                emitted[0] = true;
                return sink.test(v);
            });
        } catch (StackOverflowError e) {
            if (emitted[0]) {
                throw tooDeep();
            }
            // Deep recursion is legitimate jq; start again on a thread with a large stack.
            LargeStack.run(() -> {
                try {
                    evaluate(input, runtime, sink);
                } catch (StackOverflowError again) {
                    throw tooDeep();
                }
            });
        }
    }

    private void evaluate(JsonNode input, JqRuntime runtime, Predicate<JsonNode> sink) {
        root.eval(input, Env.root(new Execution(runtime)), sink::test);
    }

    private static JqLimitException tooDeep() {
        return new JqLimitException(JqLimitException.Reason.STACK_DEPTH, "jq evaluation recursed too deeply");
    }

    @Override
    public String toString() {
        return source;
    }
}
