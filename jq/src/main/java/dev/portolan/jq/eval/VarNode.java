package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code $name} bound inside the program. */
public final class VarNode extends SingleNode {
    private final Object key;

    public VarNode(Object key) {
        this.key = key;
    }

    @Override
    public JsonNode one(JsonNode in, Env env) {
        return (JsonNode) env.lookup(key);
    }
}
