package dev.portolan.catalog.entity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.Jq;
import dev.portolan.jq.JqCompileException;
import dev.portolan.jq.JqException;
import dev.portolan.jq.JqHaltException;
import dev.portolan.jq.JqLimitException;
import dev.portolan.jq.JqProgram;
import dev.portolan.jq.JqRuntime;
import dev.portolan.jq.JqSyntax;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calculation properties with Portolan's jq engine. Each expression is compiled once and kept
 * (blueprints have few); each evaluation has a time limit ({@value #LIMIT_MILLIS} ms), an
 * allocation limit, and the read's deadline, so that one bad calculation cannot hang a read or
 * exhaust the heap. A calculation that fails on an entity reads as null, with the reason.
 */
public final class JqCalculations implements CalculationEvaluator {

    static final long LIMIT_MILLIS = 500;
    private static final Duration LIMIT = Duration.ofMillis(LIMIT_MILLIS);
    /** What one calculation may build (characters plus elements), far below what would strain the server's heap. */
    static final long ALLOCATION_LIMIT = 10_000_000;
    private static final int MAX_CACHED = 10_000;

    private final Map<String, JqProgram> compiled = new ConcurrentHashMap<>();

    @Override
    public CalculationResult calculate(String expression, JsonNode entity, Instant deadline) {
        try {
            JqProgram program = compiled.get(expression);
            if (program == null) {
                program = Jq.compile(expression, JqSyntax.MAPPING);
                if (compiled.size() < MAX_CACHED) compiled.put(expression, program);
            }
            JqRuntime runtime = JqRuntime.defaults().withTimeout(LIMIT).withAllocationLimit(ALLOCATION_LIMIT);
            return CalculationResult.of(program.first(entity, deadline == null ? runtime : runtime.withDeadline(deadline)).orElse(null));
        } catch (JqLimitException e) {
            return CalculationResult.failed(switch (e.reason()) {
                case DEADLINE -> deadline != null && !Instant.now().isBefore(deadline)
                        ? "stopped: this read's calculation time ran out; ask for fewer entities"
                        : "stopped: it ran longer than " + LIMIT_MILLIS + " ms";
                default -> "stopped: " + e.getMessage();
            });
        } catch (JqException | JqHaltException | JqCompileException e) {
            return CalculationResult.failed(e.getMessage());
        } catch (StackOverflowError e) {
            return CalculationResult.failed("it recursed too deeply");
        }
    }

    @Override
    public String compileError(String expression) {
        try {
            Jq.compile(expression, JqSyntax.MAPPING);
            return null;
        } catch (JqCompileException e) {
            return e.getMessage();
        }
    }
}
