package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.value.Formats;
import dev.portolan.jq.value.Json;

/** {@code "a \(x) b"}, optionally under a format such as {@code @csv "\(.)"}. */
public final class InterpolationNode extends Node {
    private final Object[] parts;
    private final Node[] expressions;
    private final String format;

    /** {@code parts} holds literal Strings and Nodes; {@code format} is e.g. {@code @text} or {@code @csv}. */
    public InterpolationNode(Object[] parts, String format) {
        this.parts = parts;
        this.format = format;
        this.expressions = java.util.Arrays.stream(parts).filter(p -> p instanceof Node).toArray(Node[]::new);
    }

    @Override
    public boolean eval(JsonNode in, Env env, Sink out) {
        return Cartesian.each(expressions, in, env, values -> out.emit(env.execution().built(render(values))));
    }

    private JsonNode render(JsonNode[] values) {
        StringBuilder sb = new StringBuilder();
        int next = 0;
        for (Object part : parts) {
            if (part instanceof String s) {
                sb.append(s);
            } else {
                sb.append(Formats.apply(format, values[next++]));
            }
        }
        return Json.text(sb.toString());
    }

    @Override
    public boolean isSingle() {
        for (Node e : expressions) {
            if (!e.isSingle()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public JsonNode one(JsonNode in, Env env) {
        JsonNode[] values = new JsonNode[expressions.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = expressions[i].one(in, env);
        }
        return env.execution().built(render(values));
    }
}
