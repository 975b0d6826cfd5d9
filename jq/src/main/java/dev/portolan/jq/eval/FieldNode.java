package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.portolan.jq.value.Index;
import dev.portolan.jq.value.Json;

/** {@code target.name} with a constant name: the hot path of mappings, so it skips the generic index. */
public final class FieldNode extends Node {
    private final Node target;
    private final String name;
    private final JsonNode key;

    private final boolean optional;

    public FieldNode(Node target, String name) {
        this(target, name, false);
    }

    /** With {@code optional} ({@code target.name?}) an error of this access alone gives no output, as in jq. */
    public FieldNode(Node target, String name, boolean optional) {
        this.target = target;
        this.name = name;
        this.key = TextNode.valueOf(name);
        this.optional = optional;
    }

    private JsonNode get(JsonNode t) {
        if (t.isObject()) {
            JsonNode v = t.get(name);
            return v == null ? Json.NULL : v;
        }
        if (t.isNull()) {
            return t;
        }
        throw Index.cannotIndex(t, key);
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        if (optional) {
            return target.eval(in, env, t -> !t.isObject() && !t.isNull() || out.emit(get(t)));
        }
        if (target.isSingle()) {
            return out.emit(get(target.one(in, env)));
        }
        return target.eval(in, env, t -> out.emit(get(t)));
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        return target.paths(path, in, env, (p, t) -> optional && !t.isObject() && !t.isNull()
                || out.emit(p.requirePath("access element \"" + name + "\" of", t).append(key), get(t)));
    }

    @Override
    public boolean isSingle() {
        return !optional && target.isSingle();
    }

    @Override
    public JsonNode one(JsonNode in, Env env) {
        return get(target.one(in, env));
    }
}
