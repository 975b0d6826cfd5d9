package dev.portolan.catalog.entity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outcome of one calculation property on one entity: its value, or why it has none.
 *
 * @param value null when there is none (the expression gave nothing, or failed)
 * @param error why it failed, or null
 */
public record CalculationResult(JsonNode value, String error) {

    public static CalculationResult of(JsonNode value) {
        return new CalculationResult(value, null);
    }

    public static CalculationResult failed(String error) {
        return new CalculationResult(null, error);
    }
}
