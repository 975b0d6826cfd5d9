package dev.portolan.jq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A jq runtime error: what {@code error/1} raises and what a failing builtin reports.
 *
 * <p>{@link #getMessage()} is jq's wording (for example {@code Cannot index number with "a"});
 * {@link #value()} is the error value itself, which {@code try ... catch} hands to its handler.
 */
public class JqException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient JsonNode value;

    public JqException(String message) {
        this(TextNode.valueOf(message), message);
    }

    public JqException(JsonNode value, String message) {
        // No stack trace: jq errors are control flow for try/?/`//`, and a Java trace through the
        // evaluator says nothing about the jq program; filling it in would dominate their cost.
        super(message, null, false, false);
        this.value = value;
    }

    /** The error value ({@code error(v)} raises {@code v}); a string for builtin errors. */
    public JsonNode value() {
        return value;
    }
}
