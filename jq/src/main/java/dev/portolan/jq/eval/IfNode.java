package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.value.Values;

/** {@code if c then a else b end}; without {@code else} the input passes through (identity). */
public final class IfNode extends Node {
    private final Node condition;
    private final Node then;
    private final Node otherwise;

    public IfNode(Node condition, Node then, Node otherwise) {
        this.condition = condition;
        this.then = then;
        this.otherwise = otherwise;
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        if (condition.isSingle()) {
            return (Values.truthy(condition.one(in, env)) ? then : otherwise).eval(in, env, out);
        }
        return condition.eval(in, env, c -> (Values.truthy(c) ? then : otherwise).eval(in, env, out));
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        return condition.eval(in, env, c -> (Values.truthy(c) ? then : otherwise).paths(path, in, env, out));
    }

    @Override
    public boolean isSingle() {
        return condition.isSingle() && then.isSingle() && otherwise.isSingle();
    }

    @Override
    public JsonNode one(JsonNode in, Env env) {
        return (Values.truthy(condition.one(in, env)) ? then : otherwise).one(in, env);
    }
}
