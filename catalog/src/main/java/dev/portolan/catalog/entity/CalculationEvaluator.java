package dev.portolan.catalog.entity;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * Evaluates a calculation property's jq expression over an entity's JSON. Implementations compile
 * each expression once and are thread-safe.
 */
public interface CalculationEvaluator {

    /** @return null when the expression fails on this entity (a read never fails for a calculation) */
    default JsonNode evaluate(String expression, JsonNode entity) {
        return calculate(expression, entity, null).value();
    }

    /**
     * The value of the expression over the entity, or why there is none; never throws.
     *
     * @param deadline when the read this calculation is part of must stop calculating (null: only
     *                 each evaluation's own limit applies)
     */
    CalculationResult calculate(String expression, JsonNode entity, Instant deadline);

    /** @return why the expression cannot be compiled, or null when it compiles */
    String compileError(String expression);

    /** For catalogs without calculations (and tests): every calculation is null. */
    CalculationEvaluator NONE = new CalculationEvaluator() {
        @Override
        public CalculationResult calculate(String expression, JsonNode entity, Instant deadline) {
            return CalculationResult.of(null);
        }

        @Override
        public String compileError(String expression) {
            return null;
        }
    };
}
