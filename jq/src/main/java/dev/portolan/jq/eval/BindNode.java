package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.JqException;
import dev.portolan.jq.value.Json;

/**
 * {@code source as $x | body}, with destructuring and {@code ?//} alternatives: when the body fails
 * for one alternative the next is tried, every variable of every alternative being bound (to null
 * when the current alternative does not mention it).
 */
public final class BindNode extends Node {
    private final Node source;
    private final Binder[] patterns;
    private final Object[] allVariables;
    private final Node body;

    public BindNode(Node source, Binder[] patterns, Object[] allVariables, Node body) {
        this.source = source;
        this.patterns = patterns;
        this.allVariables = allVariables;
        this.body = body;
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        if (patterns.length == 1) {
            return source.eval(in, env, v -> patterns[0].bind(v, in, env, e -> body.eval(in, e, out)));
        }
        return source.eval(in, env, v -> alternatives(v, in, env, (e, last) -> body.eval(in, e, out)));
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        if (patterns.length == 1) {
            return source.eval(in, env, v -> patterns[0].bind(v, in, env, e -> body.paths(path, in, e, out)));
        }
        return source.eval(in, env, v -> alternatives(v, in, env, (e, last) -> body.paths(path, in, e, out)));
    }

    private interface Attempt {
        boolean run(Env env, boolean last);
    }

    private boolean alternatives(JsonNode value, JsonNode in, Env env, Attempt attempt) {
        Env base = env;
        for (Object variable : allVariables) {
            base = base.bind(variable, Json.NULL);
        }
        for (int i = 0; i < patterns.length; i++) {
            boolean last = i == patterns.length - 1;
            try {
                return patterns[i].bind(value, in, base, e -> attempt.run(e, last));
            } catch (JqException e) {
                if (last) {
                    throw e;
                }
            }
        }
        return true;
    }
}
