package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code break $name}. */
public final class BreakNode extends Node {
    private final Object key;

    public BreakNode(Object key) {
        this.key = key;
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        throw new BreakException(env.lookup(key));
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        throw new BreakException(env.lookup(key));
    }
}
