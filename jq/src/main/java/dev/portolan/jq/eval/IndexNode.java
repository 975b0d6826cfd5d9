package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.value.Index;
import dev.portolan.jq.value.JsonText;

/** {@code target[key]} and {@code target.name}; the key is evaluated against the same input as the target. */
public final class IndexNode extends Node {
    private final Node target;
    private final Node key;
    private final boolean single;

    private final boolean optional;

    public IndexNode(Node target, Node key) {
        this(target, key, false);
    }

    /** With {@code optional} ({@code target[key]?}) an error of this access alone gives no output, as in jq. */
    public IndexNode(Node target, Node key, boolean optional) {
        this.target = target;
        this.key = key;
        this.optional = optional;
        this.single = !optional && target.isSingle() && key.isSingle();
    }

    private boolean emit(Sink out, JsonNode t, JsonNode k) {
        JsonNode v;
        try {
            v = Index.get(t, k);
        } catch (dev.portolan.jq.JqException e) {
            if (optional) {
                return true;
            }
            throw e;
        }
        return out.emit(v);
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        if (single) {
            return out.emit(one(in, env));
        }
        return key.eval(in, env, k -> target.eval(in, env, t -> emit(out, t, k)));
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        return key.eval(in, env, k -> target.paths(path, in, env, (p, t) -> {
            JsonNode v;
            try {
                v = t.isNull() ? t : Index.get(t, k);
            } catch (dev.portolan.jq.JqException e) {
                if (optional) {
                    return true;
                }
                throw e;
            }
            return out.emit(p.requirePath("access element " + JsonText.compact(k) + " of", t).append(k), v);
        }));
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
