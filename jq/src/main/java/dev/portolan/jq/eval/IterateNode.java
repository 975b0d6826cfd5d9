package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.JqException;
import dev.portolan.jq.value.Json;
import dev.portolan.jq.value.Values;
import java.util.Iterator;
import java.util.Map;

/** {@code target[]}: the elements of an array or the values of an object. */
public final class IterateNode extends Node {
    private final Node target;

    private final boolean optional;

    public IterateNode(Node target) {
        this(target, false);
    }

    /** With {@code optional} ({@code target[]?}) a value that cannot be iterated gives no output, as in jq. */
    public IterateNode(Node target, boolean optional) {
        this.target = target;
        this.optional = optional;
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        if (optional) {
            return target.eval(in, env, t -> !t.isContainerNode() || each(t, env, out));
        }
        if (target.isSingle()) {
            return each(target.one(in, env), env, out);
        }
        return target.eval(in, env, t -> each(t, env, out));
    }

    static boolean each(JsonNode t, Env env, Sink out) {
        if (!t.isContainerNode()) {
            throw Values.cannotIterate(t);
        }
        Execution x = env.execution();
        for (JsonNode v : t) {
            x.tick();
            if (!out.emit(v)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        return target.paths(path, in, env, (p, t) -> optional && !t.isContainerNode() && !t.isNull() || eachPath(p, t, out));
    }

    static boolean eachPath(Path p, JsonNode t, PathSink out) {
        p.requirePath("iterate through", t);
        if (t.isArray()) {
            for (int i = 0; i < t.size(); i++) {
                if (!out.emit(p.append(Json.number(i)), t.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (t.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = t.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (!out.emit(p.append(Json.text(f.getKey())), f.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (t.isNull()) {
            return true;
        }
        throw Values.cannotIterate(t);
    }
}
