package dev.portolan.catalog.entity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Evaluates a calculation property's jq expression over an entity's JSON. Implementations compile
 * each expression once and are thread-safe.
 */
public interface CalculationEvaluator {

    /** @return null when the expression fails on this entity (a read never fails for a calculation) */
    JsonNode evaluate(String expression, JsonNode entity);

    /** @return why the expression cannot be compiled, or null when it compiles */
    String compileError(String expression);

    /** For catalogs without calculations (and tests): every calculation is null. */
    CalculationEvaluator NONE = new CalculationEvaluator() {
        @Override
        public JsonNode evaluate(String expression, JsonNode entity) {
            return null;
        }

        @Override
        public String compileError(String expression) {
            return null;
        }
    };
}
