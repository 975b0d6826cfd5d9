package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code source as $x | body}, with destructuring and {@code ?//} alternatives (see {@link AlternativeBinder}). */
public final class BindNode extends Node {
    private final Node source;
    private final Binder pattern;
    private final Node body;

    public BindNode(Node source, Binder pattern, Node body) {
        this.source = source;
        this.pattern = pattern;
        this.body = body;
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        return source.eval(in, env, v -> pattern.bind(v, in, env, e -> body.eval(in, e, out)));
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        return source.eval(in, env, v -> pattern.bind(v, in, env, e -> body.paths(path, in, e, out)));
    }
}
