package dev.portolan.jq;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code halt} or {@code halt_error} was evaluated: the program asks its host to stop with an
 * exit code. Not catchable by {@code try}. {@link #value()} is null for plain {@code halt}.
 */
public final class JqHaltException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient JsonNode value;
    private final int exitCode;

    public JqHaltException(JsonNode value, int exitCode) {
        super(value == null ? "halt" : value.isTextual() ? value.textValue() : value.toString());
        this.value = value;
        this.exitCode = exitCode;
    }

    public JsonNode value() {
        return value;
    }

    public int exitCode() {
        return exitCode;
    }
}
