package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.JqException;

/**
 * {@code try body catch handler}, {@code try body} and {@code body?}. An error stops the body; the
 * handler (if any) receives the error value. Errors raised downstream of an output are not
 * caught (see {@link Downstream}); {@code break} and host limits are never caught.
 */
public final class TryNode extends Node {
    private final Node body;
    private final Node handler;

    public TryNode(Node body, Node handler) {
        this.body = body;
        this.handler = handler;
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        Object token = new Object();
        JqException error;
        try {
            return body.eval(in, env, v -> Downstream.call(token, () -> out.emit(v)));
        } catch (JqException e) {
            error = e;
        } catch (Downstream.Failure f) {
            throw f.unwrap(token);
        }
        return handle(error, env, out);
    }

    private boolean handle(JqException error, Env env, Sink out) {
        if (handler == null) {
            return true;
        }
        return handler.eval(error.value(), env, out);
    }

    @Override
    public boolean paths(Path path, JsonNode in, Env env, PathSink out) {
        Object token = new Object();
        JqException error;
        try {
            return body.paths(path, in, env, (p, v) -> Downstream.call(token, () -> out.emit(p, v)));
        } catch (JqException e) {
            error = e;
        } catch (Downstream.Failure f) {
            throw f.unwrap(token);
        }
        if (handler == null) {
            return true;
        }
        return handler.paths(path, error.value(), env, out);
    }
}
