package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.JqException;
import dev.portolan.jq.value.Json;

/**
 * Destructuring alternatives {@code p1 ?// p2 ?// ...}: when the body fails for one pattern the
 * next is tried. Every variable of every pattern is bound, to null when the pattern in use does
 * not mention it; the error of the last alternative propagates.
 */
public final class AlternativeBinder implements Binder {
    private final Binder[] patterns;
    private final Object[] allVariables;

    public AlternativeBinder(Binder[] patterns, Object[] allVariables) {
        this.patterns = patterns;
        this.allVariables = allVariables;
    }

    /** A single pattern needs no alternatives machinery. */
    public static Binder of(Binder[] patterns, Object[] allVariables) {
        return patterns.length == 1 ? patterns[0] : new AlternativeBinder(patterns, allVariables);
    }

    @Override
    public boolean bind(JsonNode value, JsonNode input, Env env, EnvSink body) {
        Env base = env;
        for (Object variable : allVariables) {
            base = base.bind(variable, Json.NULL);
        }
        for (int i = 0; i < patterns.length; i++) {
            try {
                return patterns[i].bind(value, input, base, body);
            } catch (JqException e) {
                if (i == patterns.length - 1) {
                    throw e;
                }
            }
        }
        return true;
    }
}
