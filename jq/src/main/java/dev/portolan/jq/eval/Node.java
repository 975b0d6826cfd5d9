package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled jq filter. Evaluation pushes outputs into a {@link Sink}; a sink that returns false
 * stops the generator, which is how {@code limit}, {@code first} and friends stop early.
 *
 * <p>Nodes are immutable and shared between threads; all per-evaluation state is in {@link Env}.
 * Filters that always produce exactly one output may also answer {@link #one}, a fast path that
 * avoids the sink machinery for the common mapping expressions ({@code .a.b}, object literals).
 */
public abstract class Node {

    /** Evaluates this filter on {@code in}; returns false when the sink asked to stop. */
    public abstract boolean eval(JsonNode in, Env env, Sink out);

    /** Evaluates this filter as a path expression, for {@code path()}, assignments and {@code del}. */
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        return eval(in, env, value -> out.emit(Path.NOT_A_PATH, value));
    }

    /** True when {@link #one} may be called: the filter always yields exactly one value. */
    public boolean isSingle() {
        return false;
    }

    /** The only output of a {@linkplain #isSingle() single} filter. */
    public JsonNode one(JsonNode in, Env env) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is not single-valued");
    }
}
