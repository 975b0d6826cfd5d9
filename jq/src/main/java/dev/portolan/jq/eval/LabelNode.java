package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code label $name | body}: each evaluation gets a fresh label identity, so recursion is safe. */
public final class LabelNode extends Node {
    private final Object key;
    private final Node body;

    public LabelNode(Object key, Node body) {
        this.key = key;
        this.body = body;
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        Object label = new Object();
        boolean[] downstreamStopped = {false};
        try {
            return body.eval(in, env.bind(key, label), v -> {
                boolean more = out.emit(v);
                downstreamStopped[0] = !more;
                return more;
            });
        } catch (BreakException b) {
            if (b.label != label) {
                throw b;
            }
            return !downstreamStopped[0];
        }
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        Object label = new Object();
        try {
            return body.paths(path, in, env.bind(key, label), out);
        } catch (BreakException b) {
            if (b.label != label) {
                throw b;
            }
            return true;
        }
    }
}
