package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.value.Json;
import dev.portolan.jq.value.Values;

/** {@code and} / {@code or}, short-circuiting: the right side runs only when the left does not decide. */
public final class AndOrNode extends Node {
    private final Node left;
    private final Node right;
    private final boolean isOr;

    public AndOrNode(Node left, Node right, boolean isOr) {
        this.left = left;
        this.right = right;
        this.isOr = isOr;
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        return left.eval(in, env, l -> {
            if (Values.truthy(l) == isOr) {
                return out.emit(Json.bool(isOr));
            }
            return right.eval(in, env, r -> out.emit(Json.bool(Values.truthy(r))));
        });
    }

    @Override
    public boolean isSingle() {
        return left.isSingle() && right.isSingle();
    }

    @Override
    public JsonNode one(JsonNode in, Env env) {
        if (Values.truthy(left.one(in, env)) == isOr) {
            return Json.bool(isOr);
        }
        return Json.bool(Values.truthy(right.one(in, env)));
    }
}
