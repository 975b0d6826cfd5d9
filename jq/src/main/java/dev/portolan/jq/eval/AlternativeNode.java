package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.JqException;
import dev.portolan.jq.value.Values;

/** {@code left // right}: the truthy outputs of left (its errors ignored), or else all outputs of right. */
public final class AlternativeNode extends Node {
    private final Node left;
    private final Node right;

    public AlternativeNode(Node left, Node right) {
        this.left = left;
        this.right = right;
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        boolean[] any = {false};
        boolean[] stopped = {false};
        Object token = new Object();
        try {
            left.eval(in, env, v -> {
                if (!Values.truthy(v)) {
                    return true;
                }
                any[0] = true;
                boolean more = Downstream.call(token, () -> out.emit(v));
                stopped[0] = !more;
                return more;
            });
        } catch (JqException ignored) {
            // jq's defined-or treats an error on the left like a false value.
        } catch (Downstream.Failure f) {
            throw f.unwrap(token);
        }
        if (stopped[0]) {
            return false;
        }
        return any[0] || right.eval(in, env, out);
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        boolean[] any = {false};
        boolean[] stopped = {false};
        Object token = new Object();
        try {
            left.paths(path, in, env, (p, v) -> {
                if (!Values.truthy(v)) {
                    return true;
                }
                any[0] = true;
                boolean more = Downstream.call(token, () -> out.emit(p, v));
                stopped[0] = !more;
                return more;
            });
        } catch (JqException ignored) {
            // as in eval
        } catch (Downstream.Failure f) {
            throw f.unwrap(token);
        }
        if (stopped[0]) {
            return false;
        }
        return any[0] || right.paths(path, in, env, out);
    }
}
