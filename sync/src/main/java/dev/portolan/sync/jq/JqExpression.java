package dev.portolan.sync.jq;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;

/**
 * A compiled jq expression, as the mapper uses it: evaluated once per object, first output only,
 * within a time limit so that one runaway expression cannot hang a resync. Thread-safe.
 */
public interface JqExpression {

    /**
     * @return the first output, or null when the expression produces nothing
     * @throws JqEvaluationException when it fails on this input or runs out of time
     */
    JsonNode first(JsonNode input, Duration timeout) throws JqEvaluationException;

    /** The expression's text, for messages. */
    String text();
}
