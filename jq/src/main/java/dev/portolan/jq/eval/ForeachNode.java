package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code foreach source as $x (init; update; extract)}: emits extract of every intermediate state. */
public final class ForeachNode extends Node {
    private final Node source;
    private final Binder pattern;
    private final Node init;
    private final Node update;
    private final Node extract;

    public ForeachNode(Node source, Binder pattern, Node init, Node update, Node extract) {
        this.source = source;
        this.pattern = pattern;
        this.init = init;
        this.update = update;
        this.extract = extract;
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        return init.eval(in, env, start -> {
            JsonNode[] state = {start};
            Execution x = env.execution();
            return source.eval(in, env, v -> pattern.bind(v, in, env, e -> {
                x.tick();
                return update.eval(state[0], e, u -> {
                    state[0] = u;
                    return extract == null ? out.emit(u) : extract.eval(u, e, out);
                });
            }));
        });
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        return init.paths(path, in, env, (startPath, start) -> {
            Path[] statePath = {startPath};
            JsonNode[] state = {start};
            return source.eval(in, env, v -> pattern.bind(v, in, env, e -> {
                env.execution().tick();
                return update.paths(statePath[0], state[0], e, (up, u) -> {
                    statePath[0] = up;
                    state[0] = u;
                    return extract == null ? out.emit(up, u) : extract.paths(up, u, e, out);
                });
            }));
        });
    }
}
