package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.JqException;
import dev.portolan.jq.JqLimitException;
import dev.portolan.jq.JqRuntime;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The mutable state of one evaluation: the host's runtime and the limit checks.
 *
 * <p>{@link #tick()} is called by loops, calls and regex matching. It only counts; every
 * {@value #CHECK_INTERVAL} steps (or when the budget is reached) it also reads the clock and the
 * cancel flag, so that the checks cost almost nothing on the hot path. Not thread-safe: one
 * evaluation runs on one thread.
 */
public final class Execution {
    private static final int CHECK_INTERVAL = 1024;
    private static final int MAX_DEPTH = 100_000;

    private final JqRuntime runtime;
    private final long budget;
    private final long deadlineNanos;
    private final boolean hasDeadline;
    private final BooleanSupplier cancelled;
    private final long allocationLimit;
    private long allocated;
    private long steps;
    private long nextCheck;
    private long inputLineNumber;
    private int depth;

    public Execution(JqRuntime runtime) {
        this.runtime = runtime;
        this.budget = runtime.stepBudget() > 0 ? runtime.stepBudget() : Long.MAX_VALUE;
        Instant deadline = runtime.deadline();
        long now = System.nanoTime();
        long remaining = Long.MAX_VALUE;
        if (deadline != null) {
            remaining = nanosUntil(deadline);
        }
        if (runtime.timeout() != null) {
            remaining = Math.min(remaining, saturatedNanos(runtime.timeout()));
        }
        this.hasDeadline = remaining != Long.MAX_VALUE;
        this.deadlineNanos = hasDeadline ? now + remaining : 0;
        this.cancelled = runtime.cancelled();
        this.allocationLimit = runtime.allocationLimit() > 0 ? runtime.allocationLimit() : Long.MAX_VALUE;
        this.nextCheck = Math.min(CHECK_INTERVAL, budget);
        check();
    }

    private static long nanosUntil(Instant deadline) {
        try {
            return java.time.Duration.between(Instant.now(), deadline).toNanos();
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE / 4;
        }
    }

    private static long saturatedNanos(java.time.Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE / 4;
        }
    }

    public JqRuntime runtime() {
        return runtime;
    }

    /** Counts one evaluation step and periodically checks the limits. */
    public void tick() {
        if (++steps >= nextCheck) {
            check();
            nextCheck = Math.min(steps + CHECK_INTERVAL, budget);
        }
    }

    /**
     * Counts what a new value built (its characters, or its elements) against the allocation
     * limit and returns it. Values are charged where they are made (operators, builtins, string
     * interpolation, array construction), so no evaluation can grow past the limit by more than
     * one step's worth.
     */
    public JsonNode built(JsonNode value) {
        if (value.isTextual()) {
            allocate(value.textValue().length());
        } else if (value.isContainerNode()) {
            allocate(value.size());
        }
        return value;
    }

    /** Counts {@code units} (characters or elements) against the allocation limit. */
    public void allocate(long units) {
        allocated += units;
        if (allocated > allocationLimit) {
            allocated = 0;
            throw new JqLimitException(JqLimitException.Reason.MEMORY, "jq evaluation built more than "
                    + allocationLimit + " characters and elements in total (the limit of one evaluation)");
        }
    }

    /** Counts a function call; deep recursion fails cleanly before the Java stack overflows. */
    public void enterCall() {
        tick();
        if (++depth > MAX_DEPTH) {
            depth = 0;
            throw new JqLimitException(JqLimitException.Reason.STACK_DEPTH,
                    "jq evaluation exceeded the maximum call depth of " + MAX_DEPTH);
        }
    }

    public void exitCall() {
        depth--;
    }

    private void check() {
        if (steps >= budget) {
            throw new JqLimitException(JqLimitException.Reason.STEP_BUDGET,
                    "jq evaluation exceeded its step budget of " + budget + " steps");
        }
        if (hasDeadline && System.nanoTime() - deadlineNanos > 0) {
            throw new JqLimitException(JqLimitException.Reason.DEADLINE, "jq evaluation exceeded its deadline");
        }
        if (cancelled != null && cancelled.getAsBoolean()) {
            throw new JqLimitException(JqLimitException.Reason.CANCELLED, "jq evaluation was cancelled");
        }
    }

    /** The next value of {@code input}, or a jq error when the host has no more. */
    public JsonNode nextInput() {
        if (!runtime.inputs().hasNext()) {
            throw new JqException("No more inputs");
        }
        inputLineNumber++;
        return runtime.inputs().next();
    }

    public boolean hasInput() {
        return runtime.inputs().hasNext();
    }

    public long inputLineNumber() {
        return inputLineNumber;
    }
}
