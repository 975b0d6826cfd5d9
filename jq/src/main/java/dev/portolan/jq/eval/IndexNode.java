package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.value.Index;
import dev.portolan.jq.value.JsonText;

/** {@code target[key]} and {@code target.name}; the key is evaluated against the same input as the target. */
public final class IndexNode extends Node {
    private final Node target;
    private final Node key;
    private final boolean single;

    public IndexNode(Node target, Node key) {
        this.target = target;
        this.key = key;
        this.single = target.isSingle() && key.isSingle();
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        if (single) {
            return out.emit(one(in, env));
        }
        return key.eval(in, env, k -> target.eval(in, env, t -> out.emit(Index.get(t, k))));
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        return key.eval(in, env, k -> target.paths(path, in, env,
                (p, t) -> out.emit(p.requirePath("access element " + JsonText.compact(k) + " of", t).append(k),
                        t.isNull() ? t : Index.get(t, k))));
    }

    @Override
    public boolean isSingle() {
        return single;
    }

    @Override
    public JsonNode one(JsonNode in, Env env) {
        return Index.get(target.one(in, env), key.one(in, env));
    }
}
