package dev.portolan.jq;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What the host gives one evaluation: named variables, the environment ({@code $ENV}, {@code env}),
 * the values {@code input}/{@code inputs} read, and the limits that stop a runaway program.
 *
 * <p>Immutable; the {@code with...} methods return copies. {@code inputs} is consumed by the
 * evaluation that uses it, so give each evaluation its own iterator. A null deadline, a
 * non-positive step budget and a null cancel flag mean "no limit".
 *
 * @param variables   values for {@code $name}, keyed without the dollar sign
 * @param environment what {@code $ENV} and {@code env} return
 * @param inputs      source of {@code input}/{@code inputs}; empty when the host has none
 * @param deadline    the instant after which evaluation fails with {@link JqLimitException}
 * @param timeout     how long each evaluation may take, counted from its start (null = no limit);
 *                    unlike the deadline, a runtime with a timeout can be reused for many evaluations
 * @param stepBudget  how many evaluation steps are allowed (0 = unlimited)
 * @param cancelled   polled regularly; evaluation stops once it returns true
 * @param allocationLimit how much one evaluation may build, counted in string characters and array
 *                    or object elements (0 = unlimited); past it evaluation fails with
 *                    {@link JqLimitException} ({@code MEMORY}) instead of exhausting the heap
 */
public record JqRuntime(
        Map<String, JsonNode> variables,
        Map<String, String> environment,
        Iterator<JsonNode> inputs,
        Instant deadline,
        Duration timeout,
        long stepBudget,
        BooleanSupplier cancelled,
        long allocationLimit) {

    private static final JqRuntime DEFAULTS =
            new JqRuntime(Map.of(), Map.of(), java.util.Collections.emptyIterator(), null, null, 0, null, 0);

    public JqRuntime {
        variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        inputs = Objects.requireNonNull(inputs, "inputs");
    }

    /** No variables, an empty environment, no inputs and no limits. */
    public static JqRuntime defaults() {
        return DEFAULTS;
    }

    public JqRuntime withVariables(Map<String, JsonNode> values) {
        return new JqRuntime(values, environment, inputs, deadline, timeout, stepBudget, cancelled, allocationLimit);
    }

    public JqRuntime withEnvironment(Map<String, String> values) {
        return new JqRuntime(variables, values, inputs, deadline, timeout, stepBudget, cancelled, allocationLimit);
    }

    public JqRuntime withInputs(Iterator<JsonNode> values) {
        return new JqRuntime(variables, environment, values, deadline, timeout, stepBudget, cancelled, allocationLimit);
    }

    /** An absolute deadline, shared by every evaluation that uses this runtime. */
    public JqRuntime withDeadline(Instant instant) {
        return new JqRuntime(variables, environment, inputs, instant, timeout, stepBudget, cancelled, allocationLimit);
    }

    /** A time limit for each evaluation, counted from when it starts. */
    public JqRuntime withTimeout(Duration perEvaluation) {
        return new JqRuntime(variables, environment, inputs, deadline, perEvaluation, stepBudget, cancelled, allocationLimit);
    }

    /** A step budget for each evaluation. */
    public JqRuntime withStepBudget(long steps) {
        return new JqRuntime(variables, environment, inputs, deadline, timeout, steps, cancelled, allocationLimit);
    }

    /** How much each evaluation may build: string characters plus array and object elements (0 = unlimited). */
    public JqRuntime withAllocationLimit(long units) {
        return new JqRuntime(variables, environment, inputs, deadline, timeout, stepBudget, cancelled, units);
    }

    public JqRuntime withCancellation(BooleanSupplier flag) {
        return new JqRuntime(variables, environment, inputs, deadline, timeout, stepBudget, flag, allocationLimit);
    }
}
