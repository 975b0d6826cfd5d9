package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.value.Values;

/**
 * {@code left // right}: the truthy outputs of left, or else all outputs of right. An error in
 * left propagates, as in jq (write {@code left? // right} to ignore it).
 */
public final class AlternativeNode extends Node {
    private final Node left;
    private final Node right;

    public AlternativeNode(Node left, Node right) {
        this.left = left;
        this.right = right;
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        if (left.isSingle()) {
            JsonNode v = left.one(in, env);
            return Values.truthy(v) ? out.emit(v) : right.eval(in, env, out);
        }
        boolean[] any = {false};
        boolean more = left.eval(in, env, v -> {
            if (!Values.truthy(v)) {
                return true;
            }
            any[0] = true;
            return out.emit(v);
        });
        return !more ? false : any[0] || right.eval(in, env, out);
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        boolean[] any = {false};
        boolean more = left.paths(path, in, env, (p, v) -> {
            if (!Values.truthy(v)) {
                return true;
            }
            any[0] = true;
            return out.emit(p, v);
        });
        return !more ? false : any[0] || right.paths(path, in, env, out);
    }

    @Override
    public boolean isSingle() {
        return left.isSingle() && right.isSingle();
    }

    @Override
    public JsonNode one(JsonNode in, Env env) {
        JsonNode v = left.one(in, env);
        return Values.truthy(v) ? v : right.one(in, env);
    }
}
