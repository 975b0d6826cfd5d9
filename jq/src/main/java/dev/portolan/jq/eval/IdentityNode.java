package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code .} */
public final class IdentityNode extends SingleNode {
    public static final IdentityNode INSTANCE = new IdentityNode();

    private IdentityNode() {
    }

    @Override
    public JsonNode one(JsonNode in, Env env) {
        return in;
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        return out.emit(path, in);
    }
}
