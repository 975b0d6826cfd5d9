package dev.portolan.jq.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.JqException;
import dev.portolan.jq.eval.Env;
import dev.portolan.jq.eval.Execution;
import dev.portolan.jq.eval.Node;
import dev.portolan.jq.eval.Path;
import dev.portolan.jq.eval.PathSink;
import dev.portolan.jq.eval.Sink;
import dev.portolan.jq.value.Arith;
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
        r.generator("skip", 2, (in, a, env, out) -> a[0].eval(in, env, n -> skip(n, a[1], in, env, out)),
                (path, in, a, env, out) -> a[0].eval(in, env, n -> skipPaths(n, a[1], path, in, env, out)));
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
            // jq 1.8.2's last(f) is not a path expression: its value stands at the current path only
            // where jq finds it identical to the input (null on null); else path(last(.a, .b)) fails
            // with "Invalid path expression with result ...".
            JsonNode[] last = {null};
            a[0].eval(in, env, v -> {
                last[0] = v;
                return true;
            });
            return last[0] == null || out.emit(identical(last[0], in) ? path : Path.NOT_A_PATH, last[0]);
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
        // jq defines repeat, while and until in jq, so they are path expressions when f is.
        r.generator("repeat", 1, (in, a, env, out) -> repeat(in, a[0], env, out),
                (path, in, a, env, out) -> repeatPaths(path, in, a[0], env, out));
        r.generator("while", 2, (in, a, env, out) -> whileLoop(in, a[0], a[1], env, out),
                (path, in, a, env, out) -> whilePaths(path, in, a[0], a[1], env, out));
        r.generator("until", 2, (in, a, env, out) -> until(in, a[0], a[1], env, out),
                (path, in, a, env, out) -> untilPaths(path, in, a[0], a[1], env, out));
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

    private static final JsonNode ZERO = Json.number(0);
    private static final JsonNode ONE = Json.number(1);

    /**
     * jq 1.8.2's {@code def limit($n; f): if $n > 0 then label $out | foreach f as $item ($n; . - 1;
     * $item, if . <= 0 then break $out else empty end) elif $n == 0 then empty else error(...) end}
     * and skip's like it ({@code if . < 0 then $item else empty end}, {@code f} when $n is 0): the
     * count is compared as a jq value, so nan and null are refused as negative and a string counts
     * as positive; it is then counted down by one per output, so {@code limit(1.5; f)} gives two
     * outputs and {@code skip(1.5; f)} skips one.
     */
    private static boolean positive(JsonNode n, String function) {
        if (Values.compare(n, ZERO) > 0) {
            return true;
        }
        if (Values.equal(n, ZERO)) {
            return false;
        }
        throw new JqException(function + " doesn't support negative count");
    }

    /** The count to count down from: jq's {@code $n - 1} fails on f's first output when $n is not a number. */
    private static double countdown(JsonNode n) {
        if (!n.isNumber()) {
            Arith.subtract(n, ONE);
        }
        return n.doubleValue();
    }

    private static boolean limit(JsonNode n, Node f, JsonNode in, Env env, Sink out) {
        if (!positive(n, "limit")) {
            return true;
        }
        double[] left = {Double.NaN};
        boolean[] started = {false};
        boolean[] downstreamStopped = {false};
        f.eval(in, env, v -> {
            if (!started[0]) {
                left[0] = countdown(n);
                started[0] = true;
            }
            left[0]--;
            if (!out.emit(v)) {
                downstreamStopped[0] = true;
                return false;
            }
            return left[0] > 0;
        });
        return !downstreamStopped[0];
    }

    private static boolean limitPaths(JsonNode n, Node f, Path path, JsonNode in, Env env, PathSink out) {
        if (!positive(n, "limit")) {
            return true;
        }
        double[] left = {Double.NaN};
        boolean[] started = {false};
        boolean[] downstreamStopped = {false};
        f.paths(path, in, env, (p, v) -> {
            if (!started[0]) {
                left[0] = countdown(n);
                started[0] = true;
            }
            left[0]--;
            if (!out.emit(p, v)) {
                downstreamStopped[0] = true;
                return false;
            }
            return left[0] > 0;
        });
        return !downstreamStopped[0];
    }

    private static boolean skip(JsonNode n, Node f, JsonNode in, Env env, Sink out) {
        if (!positive(n, "skip")) {
            return f.eval(in, env, out);
        }
        double[] left = {Double.NaN};
        boolean[] started = {false};
        return f.eval(in, env, v -> {
            if (!started[0]) {
                left[0] = countdown(n);
                started[0] = true;
            }
            return --left[0] >= 0 || out.emit(v);
        });
    }

    /** skip in path mode, as jq's skip (defined in jq) is: {@code path(nth(1; .[]))} is {@code [1]}. */
    private static boolean skipPaths(JsonNode n, Node f, Path path, JsonNode in, Env env, PathSink out) {
        if (!positive(n, "skip")) {
            return f.paths(path, in, env, out);
        }
        double[] left = {Double.NaN};
        boolean[] started = {false};
        return f.paths(path, in, env, (p, v) -> {
            if (!started[0]) {
                left[0] = countdown(n);
                started[0] = true;
            }
            return --left[0] >= 0 || out.emit(p, v);
        });
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

    /** jq's jv_identical as far as path tracking needs it: the same container, or the same null or boolean. */
    private static boolean identical(JsonNode a, JsonNode b) {
        return a == b || (a.isNull() && b.isNull()) || (a.isBoolean() && b.isBoolean() && a.booleanValue() == b.booleanValue());
    }

    private static boolean repeatPaths(Path path, JsonNode in, Node f, Env env, PathSink out) {
        while (true) {
            env.execution().tick();
            if (!f.paths(path, in, env, out)) {
                return false;
            }
        }
    }

    /** {@code def _while: if cond then ., (update | _while) else empty end}, in path mode. */
    private static boolean whilePaths(Path path, JsonNode in, Node cond, Node update, Env env, PathSink out) {
        env.execution().tick();
        return cond.eval(in, env, c -> !Values.truthy(c) || (out.emit(path, in)
                && update.paths(path, in, env, (p, v) -> whilePaths(p, v, cond, update, env, out))));
    }

    /** {@code def _until: if cond then . else (update | _until) end}, in path mode. */
    private static boolean untilPaths(Path path, JsonNode in, Node cond, Node next, Env env, PathSink out) {
        env.execution().tick();
        return cond.eval(in, env, c -> Values.truthy(c) ? out.emit(path, in)
                : next.paths(path, in, env, (p, v) -> untilPaths(p, v, cond, next, env, out)));
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
