package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.jq.value.Index;
import dev.portolan.jq.value.Json;

/** {@code target[from:to]}; either bound may be absent (null node). */
public final class SliceNode extends Node {
    private final Node target;
    private final Node from;
    private final Node to;

    private final boolean optional;

    public SliceNode(Node target, Node from, Node to) {
        this(target, from, to, false);
    }

    /** With {@code optional} ({@code target[a:b]?}) an error of this slice alone gives no output, as in jq. */
    public SliceNode(Node target, Node from, Node to, boolean optional) {
        this.optional = optional;
        this.target = target;
        this.from = from == null ? new LiteralNode(Json.NULL) : from;
        this.to = to == null ? new LiteralNode(Json.NULL) : to;
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        return to.eval(in, env, t -> from.eval(in, env,
                f -> target.eval(in, env, v -> {
                    JsonNode sliced;
                    try {
                        sliced = Index.slice(v, f, t);
                    } catch (dev.portolan.jq.JqException e) {
                        if (optional) {
                            return true;
                        }
                        throw e;
                    }
                    return out.emit(sliced);
                })));
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        return to.eval(in, env, t -> from.eval(in, env, f -> target.paths(path, in, env, (p, v) -> {
            ObjectNode key = Json.object();
            key.set("start", f);
            key.set("end", t);
            return out.emit(p.requirePath("access element " + dev.portolan.jq.value.JsonText.compact(key) + " of", v)
                    .append(key), Index.slice(v, f, t));
        })));
    }
}
