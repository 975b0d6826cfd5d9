package dev.portolan.jq.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.jq.JqException;
import dev.portolan.jq.eval.Path;
import dev.portolan.jq.value.Index;
import dev.portolan.jq.value.Json;
import dev.portolan.jq.value.JsonText;
import dev.portolan.jq.value.PathOps;
import dev.portolan.jq.value.Values;
import java.util.Iterator;
import java.util.Map;

/** {@code path}, {@code getpath}, {@code setpath}, {@code delpaths}, {@code to_entries}, {@code from_entries}. */
final class PathBuiltins {
    private PathBuiltins() {
    }

    static void register(Registry r) {
        r.generator("path", 1, (in, a, env, out) -> a[0].paths(Path.ROOT, in, env, (p, v) -> out.emit(p.toArrayOrFail(v))));
        r.generator("getpath", 1, (in, a, env, out) -> a[0].eval(in, env, p -> out.emit(getPath(in, p))),
                (path, in, a, env, out) -> a[0].eval(in, env,
                        p -> out.emit(path.requirePath("access path " + JsonText.compact(p) + " of", in).appendAll(p),
                                getPath(in, p))));
        r.value("setpath", 2, (in, a) -> PathOps.setPath(in, a[0], a[1]));
        r.value("delpaths", 1, (in, a) -> PathOps.deletePaths(in, a[0]));
        r.unary("to_entries", PathBuiltins::toEntries);
        r.unary("from_entries", PathBuiltins::fromEntries);
    }

    private static JsonNode getPath(JsonNode in, JsonNode p) {
        return PathOps.getPath(in, p);
    }

    private static JsonNode toEntries(JsonNode in) {
        if (in.isArray()) {
            ArrayNode out = Json.FACTORY.arrayNode(in.size());
            for (int i = 0; i < in.size(); i++) {
                ObjectNode entry = Json.object();
                entry.put("key", i);
                entry.set("value", in.get(i));
                out.add(entry);
            }
            return out;
        }
        if (!in.isObject()) {
            throw new JqException(Values.describe(in) + " has no keys");
        }
        ArrayNode out = Json.FACTORY.arrayNode(in.size());
        Iterator<Map.Entry<String, JsonNode>> fields = in.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            ObjectNode entry = Json.object();
            entry.put("key", f.getKey());
            entry.set("value", f.getValue());
            out.add(entry);
        }
        return out;
    }

    private static JsonNode fromEntries(JsonNode in) {
        // jq's from_entries is reduce .[] as $x ({}; ...): null and scalars cannot be iterated.
        if (!in.isArray() && !in.isObject()) {
            throw Values.cannotIterate(in);
        }
        ObjectNode out = Json.object();
        for (JsonNode e : in) {
            JsonNode key = first(e, "key", "k", "name", "Name", "K", "Key");
            String name = switch (key.getNodeType()) {
                case STRING -> key.textValue();
                case NUMBER, BOOLEAN -> dev.portolan.jq.value.JsonText.compact(key);
                case NULL -> "null";
                default -> throw new JqException("Cannot use " + Values.describe(key) + " as object key");
            };
            JsonNode value = e.isObject() && e.has("value") ? e.get("value")
                    : e.isObject() && e.has("v") ? e.get("v") : first(e, "Value", "V");
            out.set(name, value);
        }
        return out;
    }

    private static JsonNode first(JsonNode e, String... names) {
        if (!e.isObject()) {
            throw Index.cannotIndex(e, Json.text(names[0]));
        }
        for (String n : names) {
            JsonNode v = e.get(n);
            if (v != null && Values.truthy(v)) {
                return v;
            }
        }
        JsonNode v = e.get(names[0]);
        return v == null ? Json.NULL : v;
    }
}
