package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code left | right}: every output of left is fed to right. */
public final class PipeNode extends Node {
    private final Node left;
    private final Node right;
    private final boolean single;

    public PipeNode(Node left, Node right) {
        this.left = left;
        this.right = right;
        this.single = left.isSingle() && right.isSingle();
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        if (left.isSingle()) {
            return right.eval(left.one(in, env), env, out);
        }
        return left.eval(in, env, v -> right.eval(v, env, out));
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        return left.paths(path, in, env, (p, v) -> right.paths(p, v, env, out));
    }

    @Override
    public boolean isSingle() {
        return single;
    }

    @Override
    public JsonNode one(JsonNode in, Env env) {
        return right.one(left.one(in, env), env);
    }
}
