package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.JqException;
import dev.portolan.jq.value.JsonText;

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
        if (value.isNull()) {
            return out.emit(path, value);
        }
        throw new JqException("Invalid path expression with result " + JsonText.truncated(value));
    }
}
