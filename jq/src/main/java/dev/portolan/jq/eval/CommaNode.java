package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code left, right}: the outputs of left, then those of right. */
public final class CommaNode extends Node {
    private final Node left;
    private final Node right;

    public CommaNode(Node left, Node right) {
        this.left = left;
        this.right = right;
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        return left.eval(in, env, out) && right.eval(in, env, out);
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        return left.paths(path, in, env, out) && right.paths(path, in, env, out);
    }
}
