package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** Base of filters whose result is always exactly one value. */
public abstract class SingleNode extends Node {

    @Override
    public final boolean eval(JsonNode in, Env env, Sink out) {
        return out.emit(one(in, env));
    }

    @Override
    public boolean isSingle() {
        return true;
    }

    @Override
    public abstract JsonNode one(JsonNode in, Env env);
}
