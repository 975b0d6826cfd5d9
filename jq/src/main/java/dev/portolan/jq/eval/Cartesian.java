package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** Evaluates several argument filters into every combination of their values, the last one varying slowest. */
public final class Cartesian {
    private Cartesian() {
    }

    /** Receives one combination of argument values. */
    @FunctionalInterface
    public interface Combination {
        boolean accept(JsonNode[] values);
    }

    public static boolean each(Node[] args, JsonNode in, Env env, Combination body) {
        JsonNode[] values = new JsonNode[args.length];
        boolean allSingle = true;
        for (Node a : args) {
            allSingle &= a.isSingle();
        }
        if (allSingle) {
            for (int i = 0; i < args.length; i++) {
                values[i] = args[i].one(in, env);
            }
            return body.accept(values);
        }
        return from(args.length - 1, args, values, in, env, body);
    }

    private static boolean from(int i, Node[] args, JsonNode[] values, JsonNode in, Env env, Combination body) {
        if (i < 0) {
            return body.accept(values.clone());
        }
        return args[i].eval(in, env, v -> {
            values[i] = v;
            return from(i - 1, args, values, in, env, body);
        });
    }
}
