package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** A call of a filter parameter inside a function body: runs the argument in its caller's bindings. */
public final class ClosureCallNode extends Node {
    private final Object key;

    public ClosureCallNode(Object key) {
        this.key = key;
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        Closure c = (Closure) env.lookup(key);
        return c.node().eval(in, c.env(), out);
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        Closure c = (Closure) env.lookup(key);
        return c.node().paths(path, in, c.env(), out);
    }
}
