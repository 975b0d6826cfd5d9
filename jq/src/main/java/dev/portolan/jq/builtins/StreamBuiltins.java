package dev.portolan.jq.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.portolan.jq.JqException;
import dev.portolan.jq.eval.Path;
import dev.portolan.jq.eval.Sink;
import dev.portolan.jq.value.Json;
import dev.portolan.jq.value.PathOps;
import java.util.Iterator;
import java.util.Map;

/** Streaming form: {@code tostream} and {@code fromstream}, events {@code [path, leaf]} and {@code [path]}. */
final class StreamBuiltins {
    private StreamBuiltins() {
    }

    static void register(Registry r) {
        r.generator("tostream", 0, (in, a, env, out) -> stream(in, Path.ROOT, out));
        r.generator("fromstream", 1, (in, a, env, out) -> {
            JsonNode[] value = {Json.NULL};
            boolean[] emitted = {false};
            return a[0].eval(in, env, event -> {
                if (!event.isArray() || event.isEmpty() || !event.get(0).isArray()) {
                    throw new JqException("Invalid jq stream event");
                }
                if (emitted[0]) {
                    value[0] = Json.NULL;
                    emitted[0] = false;
                }
                JsonNode path = event.get(0);
                boolean done;
                if (event.size() == 2) {
                    done = path.isEmpty();
                    value[0] = PathOps.setPath(value[0], path, event.get(1));
                } else {
                    done = path.size() == 1;
                }
                if (done) {
                    emitted[0] = true;
                    return out.emit(value[0]);
                }
                return true;
            });
        });
    }

    private static ArrayNode event(Path path, JsonNode leaf) {
        ArrayNode e = Json.array();
        e.add(path.toArray());
        if (leaf != null) {
            e.add(leaf);
        }
        return e;
    }

    private static boolean stream(JsonNode v, Path path, Sink out) {
        if (!v.isContainerNode() || v.isEmpty()) {
            return out.emit(event(path, v));
        }
        Path last = null;
        if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                last = path.append(Json.number(i));
                if (!stream(v.get(i), last, out)) {
                    return false;
                }
            }
        } else {
            Iterator<Map.Entry<String, JsonNode>> fields = v.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                last = path.append(Json.text(f.getKey()));
                if (!stream(f.getValue(), last, out)) {
                    return false;
                }
            }
        }
        return out.emit(event(last, null));
    }
}
