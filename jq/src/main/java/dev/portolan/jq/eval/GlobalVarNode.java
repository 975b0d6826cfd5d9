package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.jq.value.Json;

/** A variable the host supplies through {@code JqRuntime}: a predeclared name, or {@code $ENV}. */
public final class GlobalVarNode extends SingleNode {
    private final String name;

    public GlobalVarNode(String name) {
        this.name = name;
    }

    @Override
    public JsonNode one(JsonNode in, Env env) {
        if (name.equals("ENV")) {
            return environment(env);
        }
        JsonNode v = env.execution().runtime().variables().get(name);
        return v == null ? Json.NULL : v;
    }

    static JsonNode environment(Env env) {
        ObjectNode o = Json.object();
        env.execution().runtime().environment().forEach(o::put);
        return o;
    }
}
