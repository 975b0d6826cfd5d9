package dev.portolan.jq.compile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.eval.Env;
import dev.portolan.jq.eval.Node;
import dev.portolan.jq.eval.Path;
import dev.portolan.jq.eval.PathSink;
import dev.portolan.jq.eval.Sink;

/** {@code empty}: no outputs; also the body of {@code []}. */
final class Empty extends Node {
    static final Empty NODE = new Empty();

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        return true;
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        return true;
    }
}
