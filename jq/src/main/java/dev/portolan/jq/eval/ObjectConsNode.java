package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.jq.JqException;
import dev.portolan.jq.value.Json;
import dev.portolan.jq.value.Values;
import java.util.LinkedHashMap;

/**
 * {@code {k1: v1, k2: v2}}. With generators it yields the cartesian product, the first entry being
 * the outer loop and each key before its value, as jq does. When every key and value is
 * single-valued the object is built directly, which is what makes mapping expressions cheap.
 */
public final class ObjectConsNode extends Node {
    private final Node[] keys;
    private final Node[] values;
    private final String[] constantKeys;
    private final boolean single;

    public ObjectConsNode(Node[] keys, Node[] values) {
        this.keys = keys;
        this.values = values;
        this.constantKeys = new String[keys.length];
        boolean allSingle = true;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] instanceof LiteralNode lit && lit.value().isTextual()) {
                constantKeys[i] = lit.value().textValue();
            }
            allSingle &= keys[i].isSingle() && values[i].isSingle();
        }
        this.single = allSingle;
    }

    @Override
    public boolean isSingle() {
        return single;
    }

    /** Sized for its keys, so that building the object never rehashes. */
    private ObjectNode newObject() {
        return new ObjectNode(Json.FACTORY, new LinkedHashMap<>(keys.length * 4 / 3 + 2));
    }

    @Override
    public JsonNode one(JsonNode in, Env env) {
        ObjectNode object = newObject();
        for (int i = 0; i < keys.length; i++) {
            String key = constantKeys[i] != null ? constantKeys[i] : keyOf(keys[i].one(in, env));
            object.set(key, values[i].one(in, env));
        }
        return object;
    }

    private static String keyOf(JsonNode k) {
        if (!k.isTextual()) {
            // jq 1.8.2's wording, as for a constant key at compile time.
            throw new JqException("Cannot use " + Values.describe(k) + " as object key");
        }
        return k.textValue();
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        if (single) {
            return out.emit(one(in, env));
        }
        return build(0, new String[keys.length], new JsonNode[keys.length], in, env, out);
    }

    private boolean build(int i, String[] ks, JsonNode[] vs, JsonNode in, Env env, Sink out) {
        if (i == keys.length) {
            ObjectNode object = newObject();
            for (int j = 0; j < ks.length; j++) {
                object.set(ks[j], vs[j]);
            }
            return out.emit(object);
        }
        return keys[i].eval(in, env, k -> {
            ks[i] = keyOf(k);
            return values[i].eval(in, env, v -> {
                vs[i] = v;
                return build(i + 1, ks, vs, in, env, out);
            });
        });
    }
}
