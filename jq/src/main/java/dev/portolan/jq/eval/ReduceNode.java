package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.value.Json;

/** {@code reduce source as $x (init; update)}; an update with several outputs keeps the last, none gives null. */
public final class ReduceNode extends Node {
    private final Node source;
    private final Binder pattern;
    private final Node init;
    private final Node update;

    public ReduceNode(Node source, Binder pattern, Node init, Node update) {
        this.source = source;
        this.pattern = pattern;
        this.init = init;
        this.update = update;
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        return init.eval(in, env, start -> {
            JsonNode[] acc = {start};
            Execution x = env.execution();
            source.eval(in, env, v -> pattern.bind(v, in, env, e -> {
                x.tick();
                JsonNode current = acc[0];
                if (update.isSingle()) {
                    acc[0] = update.one(current, e);
                    return true;
                }
                acc[0] = Json.NULL;
                update.eval(current, e, u -> {
                    acc[0] = u;
                    return true;
                });
                return true;
            }));
            return out.emit(acc[0]);
        });
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        return init.paths(path, in, env, (startPath, start) -> {
            Path[] accPath = {startPath};
            JsonNode[] acc = {start};
            source.eval(in, env, v -> pattern.bind(v, in, env, e -> {
                env.execution().tick();
                Path p = accPath[0];
                JsonNode current = acc[0];
                acc[0] = Json.NULL;
                update.paths(p, current, e, (up, u) -> {
                    accPath[0] = up;
                    acc[0] = u;
                    return true;
                });
                return true;
            }));
            return out.emit(accPath[0], acc[0]);
        });
    }
}
