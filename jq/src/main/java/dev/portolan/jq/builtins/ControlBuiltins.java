package dev.portolan.jq.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.JqException;
import dev.portolan.jq.eval.Env;
import dev.portolan.jq.eval.Execution;
import dev.portolan.jq.eval.Node;
import dev.portolan.jq.eval.Path;
import dev.portolan.jq.eval.PathSink;
import dev.portolan.jq.eval.Sink;
import dev.portolan.jq.value.Json;
import dev.portolan.jq.value.Values;

/**
 * Generators that take filters: {@code select}, {@code recurse}, {@code limit}, {@code first},
 * {@code until}, {@code repeat}, {@code any}... They stop their argument as soon as the answer is
 * known, and loop instead of recursing where jq's definitions would recurse once per step.
 */
final class ControlBuiltins {
    private ControlBuiltins() {
    }

    static void register(Registry r) {
        r.generator("select", 1, (in, a, env, out) -> anyTruthy(a[0], in, env, out, in),
                (path, in, a, env, out) -> a[0].eval(in, env, c -> !Values.truthy(c) || out.emit(path, in)));
        r.generator("recurse", 1, (in, a, env, out) -> recurse(in, a[0], env, out),
                (path, in, a, env, out) -> recursePaths(path, in, a[0], env, out));
        r.generator("limit", 2, (in, a, env, out) -> a[0].eval(in, env, n -> limit(n, a[1], in, env, out)),
                (path, in, a, env, out) -> a[0].eval(in, env, n -> limitPaths(n, a[1], path, in, env, out)));
        r.generator("skip", 2, (in, a, env, out) -> a[0].eval(in, env, n -> skip(n, a[1], in, env, out)));
        r.generator("first", 1, (in, a, env, out) -> limit(Json.number(1), a[0], in, env, out),
                (path, in, a, env, out) -> limitPaths(Json.number(1), a[0], path, in, env, out));
        r.generator("last", 1, (in, a, env, out) -> {
            JsonNode[] last = {null};
            a[0].eval(in, env, v -> {
                last[0] = v;
                return true;
            });
            return last[0] == null || out.emit(last[0]);
        }, (path, in, a, env, out) -> {
            Path[] lastPath = {null};
            JsonNode[] last = {null};
            a[0].paths(path, in, env, (p, v) -> {
                lastPath[0] = p;
                last[0] = v;
                return true;
            });
            return lastPath[0] == null || out.emit(lastPath[0], last[0]);
        });
        r.generator("isempty", 1, (in, a, env, out) -> {
            boolean[] empty = {true};
            a[0].eval(in, env, v -> {
                empty[0] = false;
                return false;
            });
            return out.emit(Json.bool(empty[0]));
        });
        r.generator("range", 1, (in, a, env, out) -> a[0].eval(in, env,
                n -> range(Json.number(0), n, Json.number(1), env, out)));
        r.generator("range", 2, (in, a, env, out) -> a[0].eval(in, env,
                from -> a[1].eval(in, env, upto -> range(from, upto, Json.number(1), env, out))));
        r.generator("range", 3, (in, a, env, out) -> a[0].eval(in, env, from -> a[1].eval(in, env,
                upto -> a[2].eval(in, env, by -> range(from, upto, by, env, out)))));
        r.generator("repeat", 1, (in, a, env, out) -> repeat(in, a[0], env, out));
        r.generator("while", 2, (in, a, env, out) -> whileLoop(in, a[0], a[1], env, out));
        r.generator("until", 2, (in, a, env, out) -> until(in, a[0], a[1], env, out));
        r.generator("any", 2, (in, a, env, out) -> out.emit(Json.bool(anyOf(a[0], a[1], in, env))));
        r.generator("all", 2, (in, a, env, out) -> out.emit(Json.bool(!anyOf(a[0], negate(a[1]), in, env))));
    }

    private static boolean anyTruthy(Node cond, JsonNode in, Env env, Sink out, JsonNode value) {
        if (cond.isSingle()) {
            return !Values.truthy(cond.one(in, env)) || out.emit(value);
        }
        return cond.eval(in, env, c -> !Values.truthy(c) || out.emit(value));
    }

    private static boolean recurse(JsonNode in, Node f, Env env, Sink out) {
        env.execution().tick();
        if (!out.emit(in)) {
            return false;
        }
        return f.eval(in, env, v -> recurse(v, f, env, out));
    }

    private static boolean recursePaths(Path path, JsonNode in, Node f, Env env, PathSink out) {
        env.execution().tick();
        if (!out.emit(path, in)) {
            return false;
        }
        return f.paths(path, in, env, (p, v) -> recursePaths(p, v, f, env, out));
    }

    private static int count(JsonNode n) {
        if (!n.isNumber()) {
            throw new JqException("Invalid limit: count must be a number");
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.ceil(n.doubleValue()));
    }

    /** jq 1.8 refuses negative counts for limit and skip. */
    private static int nonNegative(JsonNode n, String function) {
        int count = count(n);
        if (count < 0) {
            throw new JqException(function + " doesn't support negative count");
        }
        return count;
    }

    private static boolean limit(JsonNode n, Node f, JsonNode in, Env env, Sink out) {
        int max = nonNegative(n, "limit");
        if (max == 0) {
            return true;
        }
        int[] seen = {0};
        boolean[] downstreamStopped = {false};
        f.eval(in, env, v -> {
            if (!out.emit(v)) {
                downstreamStopped[0] = true;
                return false;
            }
            return ++seen[0] < max;
        });
        return !downstreamStopped[0];
    }

    private static boolean limitPaths(JsonNode n, Node f, Path path, JsonNode in, Env env, PathSink out) {
        int max = nonNegative(n, "limit");
        if (max == 0) {
            return true;
        }
        int[] seen = {0};
        boolean[] downstreamStopped = {false};
        f.paths(path, in, env, (p, v) -> {
            if (!out.emit(p, v)) {
                downstreamStopped[0] = true;
                return false;
            }
            return ++seen[0] < max;
        });
        return !downstreamStopped[0];
    }

    private static boolean skip(JsonNode n, Node f, JsonNode in, Env env, Sink out) {
        int toSkip = nonNegative(n, "skip");
        int[] seen = {0};
        return f.eval(in, env, v -> seen[0]++ < toSkip || out.emit(v));
    }

    private static boolean range(JsonNode from, JsonNode upto, JsonNode by, Env env, Sink out) {
        if (!from.isNumber() || !upto.isNumber() || !by.isNumber()) {
            throw new JqException("Range bounds must be numeric");
        }
        Execution x = env.execution();
        double start = from.doubleValue();
        double end = upto.doubleValue();
        double step = by.doubleValue();
        if (step > 0) {
            for (double d = start; d < end; d += step) {
                x.tick();
                if (!out.emit(Json.number(d))) {
                    return false;
                }
            }
        } else if (step < 0) {
            for (double d = start; d > end; d += step) {
                x.tick();
                if (!out.emit(Json.number(d))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** jq's {@code def repeat(f): def _repeat: f, _repeat; _repeat;}: f again and again on the same input. */
    private static boolean repeat(JsonNode in, Node f, Env env, Sink out) {
        while (true) {
            env.execution().tick();
            if (!f.eval(in, env, out)) {
                return false;
            }
        }
    }

    private static boolean whileLoop(JsonNode in, Node cond, Node update, Env env, Sink out) {
        JsonNode current = in;
        while (cond.isSingle() && update.isSingle()) {
            env.execution().tick();
            if (!Values.truthy(cond.one(current, env))) {
                return true;
            }
            if (!out.emit(current)) {
                return false;
            }
            current = update.one(current, env);
        }
        JsonNode value = current;
        return cond.eval(value, env, c -> !Values.truthy(c)
                || (out.emit(value) && update.eval(value, env, v -> whileLoop(v, cond, update, env, out))));
    }

    private static boolean until(JsonNode in, Node cond, Node next, Env env, Sink out) {
        JsonNode current = in;
        while (cond.isSingle() && next.isSingle()) {
            env.execution().tick();
            if (Values.truthy(cond.one(current, env))) {
                return out.emit(current);
            }
            current = next.one(current, env);
        }
        JsonNode value = current;
        return cond.eval(value, env, c -> Values.truthy(c) ? out.emit(value)
                : next.eval(value, env, v -> until(v, cond, next, env, out)));
    }

    private static boolean anyOf(Node generator, Node cond, JsonNode in, Env env) {
        boolean[] found = {false};
        generator.eval(in, env, v -> cond.eval(v, env, c -> {
            if (Values.truthy(c)) {
                found[0] = true;
                return false;
            }
            return true;
        }));
        return found[0];
    }

    /** {@code all(g; c)} is "no output of g makes c false". */
    private static Node negate(Node cond) {
        return new Node() {
            @Override
            public boolean eval(JsonNode in, Env env, Sink out) {
                return cond.eval(in, env, c -> out.emit(Json.bool(!Values.truthy(c))));
            }
        };
    }
}
