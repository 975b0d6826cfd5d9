package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A call of a {@code def}-ined function: binds each argument as a closure over the caller's
 * bindings, then evaluates the body. Value parameters ({@code $x}) iterate over the argument's
 * outputs, the first parameter being the outer loop.
 */
public final class CallNode extends Node {

    private final FunctionDef def;
    private final Node[] args;
    private final boolean hasValueParams;
    private final boolean singleValueArgs;

    public CallNode(FunctionDef def, Node[] args) {
        this.def = def;
        this.args = args;
        boolean values = false;
        boolean singleArgs = true;
        for (int i = 0; i < args.length; i++) {
            if (def.valueKeys()[i] != null) {
                values = true;
                singleArgs &= args[i].isSingle();
            }
        }
        this.hasValueParams = values;
        this.singleValueArgs = singleArgs;
    }

    @Override
    public boolean isSingle() {
        return singleValueArgs && def.isSingle();
    }

    @Override
    public JsonNode one(JsonNode in, Env env) {
        Execution x = env.execution();
        x.enterCall();
        try {
            Env callee = bindClosures(env);
            Object[] valueKeys = def.valueKeys();
            for (int i = 0; i < args.length; i++) {
                if (valueKeys[i] != null) {
                    callee = callee.bind(valueKeys[i], args[i].one(in, env));
                }
            }
            return def.body().one(in, callee);
        } finally {
            x.exitCall();
        }
    }

    private Env bindClosures(Env env) {
        Env callee = env;
        Object[] keys = def.paramKeys();
        for (int i = 0; i < args.length; i++) {
            callee = callee.bind(keys[i], new Closure(args[i], env));
        }
        return callee;
    }

    private interface Body {
        boolean run(Env callee);
    }

    private boolean invoke(JsonNode in, Env env, Body body) {
        Execution x = env.execution();
        x.enterCall();
        try {
            Env callee = bindClosures(env);
            return hasValueParams ? bindValues(0, in, env, callee, body) : body.run(callee);
        } finally {
            x.exitCall();
        }
    }

    private boolean bindValues(int i, JsonNode in, Env caller, Env callee, Body body) {
        Object[] valueKeys = def.valueKeys();
        while (i < args.length && valueKeys[i] == null) {
            i++;
        }
        if (i == args.length) {
            return body.run(callee);
        }
        int next = i + 1;
        Object key = valueKeys[i];
        return args[i].eval(in, caller, v -> bindValues(next, in, caller, callee.bind(key, v), body));
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        return invoke(in, env, callee -> def.body().eval(in, callee, out));
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        return invoke(in, env, callee -> def.body().paths(path, in, callee, out));
    }
}
