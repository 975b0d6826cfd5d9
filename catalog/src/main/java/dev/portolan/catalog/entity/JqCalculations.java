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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calculation properties with Portolan's jq engine. Each expression is compiled once and kept
 * (blueprints have few); each evaluation has a time limit so that one bad calculation cannot hang
 * a read. A calculation that fails on an entity reads as null.
 */
public final class JqCalculations implements CalculationEvaluator {

    private static final Duration LIMIT = Duration.ofMillis(500);
    private static final int MAX_CACHED = 10_000;

    private final Map<String, JqProgram> compiled = new ConcurrentHashMap<>();

    @Override
    public JsonNode evaluate(String expression, JsonNode entity) {
        try {
            JqProgram program = compiled.get(expression);
            if (program == null) {
                program = Jq.compile(expression, JqSyntax.MAPPING);
                if (compiled.size() < MAX_CACHED) compiled.put(expression, program);
            }
            return program.first(entity, JqRuntime.defaults().withTimeout(LIMIT)).orElse(null);
        } catch (JqException | JqLimitException | JqHaltException | JqCompileException | StackOverflowError e) {
            return null; // a calculation never fails a read: it reads as null
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
