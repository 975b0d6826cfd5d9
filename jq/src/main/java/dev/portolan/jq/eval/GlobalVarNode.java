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
        if (v == null && name.equals("ARGS")) {
            return namedArguments(env);
        }
        return v == null ? Json.NULL : v;
    }

    /** {@code $ARGS} when the host gives none: no positional arguments, the variables as named ones. */
    private static JsonNode namedArguments(Env env) {
        ObjectNode args = Json.object();
        args.putArray("positional");
        ObjectNode named = args.putObject("named");
        env.execution().runtime().variables().forEach(named::set);
        return args;
    }

    static JsonNode environment(Env env) {
        ObjectNode o = Json.object();
        env.execution().runtime().environment().forEach(o::put);
        return o;
    }
}
