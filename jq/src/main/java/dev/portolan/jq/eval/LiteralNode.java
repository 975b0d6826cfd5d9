package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** A constant; {@code null} is also accepted as a path expression (the empty path's value), as in jq. */
public final class LiteralNode extends SingleNode {
    private final JsonNode value;

    public LiteralNode(JsonNode value) {
        this.value = value;
    }

    public JsonNode value() {
        return value;
    }

    @Override
    public JsonNode one(JsonNode in, Env env) {
        return value;
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        return out.emit(value.isNull() ? path : Path.NOT_A_PATH, value);
    }
}
