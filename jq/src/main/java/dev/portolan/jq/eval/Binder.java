package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Binds a value to a compiled destructuring pattern, producing one environment per way the
 * pattern matches (several when a computed key is a generator).
 */
public interface Binder {
    /** Calls {@code body} with each environment; returns false when the body asked to stop. */
    boolean bind(JsonNode value, JsonNode input, Env env, EnvSink body);

    /** Receives one binding of a pattern. */
    @FunctionalInterface
    interface EnvSink {
        boolean accept(Env env);
    }
}
