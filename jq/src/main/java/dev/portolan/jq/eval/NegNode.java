package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.value.Arith;

/** Unary minus. */
public final class NegNode extends Node {
    private final Node operand;

    public NegNode(Node operand) {
        this.operand = operand;
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        return operand.eval(in, env, v -> out.emit(Arith.negate(v)));
    }

    @Override
    public boolean isSingle() {
        return operand.isSingle();
    }

    @Override
    public JsonNode one(JsonNode in, Env env) {
        return Arith.negate(operand.one(in, env));
    }
}
