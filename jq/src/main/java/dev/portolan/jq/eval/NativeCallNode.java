package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** A call of a builtin implemented in Java. */
public final class NativeCallNode extends Node {
    private final NativeFunction function;
    private final Node[] args;
    private final boolean single;

    public NativeCallNode(NativeFunction function, Node[] args) {
        this.function = function;
        this.args = args;
        boolean allSingle = function.kind() == NativeFunction.Kind.VALUE;
        for (Node a : args) {
            allSingle &= a.isSingle();
        }
        this.single = allSingle;
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        return switch (function.kind()) {
            case VALUE -> single ? out.emit(one(in, env))
                    : Cartesian.each(args, in, env, vs -> out.emit(env.execution().built(function.value().apply(in, vs))));
            case GENERATOR -> function.generator().call(in, args, env, out);
        };
    }

    private JsonNode[] values(JsonNode in, Env env) {
        JsonNode[] vs = new JsonNode[args.length];
        for (int i = 0; i < args.length; i++) {
            vs[i] = args[i].one(in, env);
        }
        return vs;
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        if (function.paths() != null) {
            return function.paths().paths(path, in, args, env, out);
        }
        return eval(in, env, v -> out.emit(Path.NOT_A_PATH, v));
    }

    @Override
    public boolean isSingle() {
        return single;
    }

    @Override
    public JsonNode one(JsonNode in, Env env) {
        return env.execution().built(function.value().apply(in, values(in, env)));
    }
}
