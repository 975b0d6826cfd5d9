package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code ..}, i.e. {@code recurse}: the input and every value inside it, depth first. */
public final class RecurseAllNode extends Node {
    public static final RecurseAllNode INSTANCE = new RecurseAllNode();

    private RecurseAllNode() {
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        env.execution().tick();
        if (!out.emit(in)) {
            return false;
        }
        if (in.isContainerNode()) {
            for (JsonNode child : in) {
                if (!eval(child, env, out)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        env.execution().tick();
        if (!out.emit(path, in)) {
            return false;
        }
        if (in.isContainerNode()) {
            return IterateNode.eachPath(path, in, (p, v) -> paths(p, v, env, out));
        }
        return true;
    }
}
