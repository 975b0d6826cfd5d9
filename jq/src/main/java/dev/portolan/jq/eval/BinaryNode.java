package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.BinaryOperator;

/** Arithmetic or comparison of two filters; as in jq the right operand is the outer loop. */
public final class BinaryNode extends Node {
    private final Node left;
    private final Node right;
    private final BinaryOperator<JsonNode> op;
    private final boolean single;

    public BinaryNode(Node left, Node right, BinaryOperator<JsonNode> op) {
        this.left = left;
        this.right = right;
        this.op = op;
        this.single = left.isSingle() && right.isSingle();
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        if (single) {
            return out.emit(one(in, env));
        }
        Execution x = env.execution();
        return right.eval(in, env, r -> left.eval(in, env, l -> out.emit(x.built(op.apply(l, r)))));
    }

    @Override
    public boolean isSingle() {
        return single;
    }

    @Override
    public JsonNode one(JsonNode in, Env env) {
        JsonNode r = right.one(in, env);
        return env.execution().built(op.apply(left.one(in, env), r));
    }
}
