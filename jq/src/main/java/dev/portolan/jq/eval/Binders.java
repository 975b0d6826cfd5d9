package dev.portolan.jq.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.JqException;
import dev.portolan.jq.value.Index;
import dev.portolan.jq.value.Json;
import dev.portolan.jq.value.Values;
import java.util.List;

/** The three kinds of destructuring patterns: {@code $x}, {@code [p, ...]}, {@code {key: p, $x, ...}}. */
public final class Binders {
    private Binders() {
    }

    public static Binder variable(Object key) {
        return (value, input, env, body) -> body.accept(env.bind(key, value));
    }

    public static Binder array(List<Binder> elements) {
        return (value, input, env, body) -> {
            if (!value.isArray() && !value.isNull()) {
                throw Index.cannotIndex(value, Json.number(0));
            }
            return elementAt(elements, 0, value, input, env, body);
        };
    }

    private static boolean elementAt(List<Binder> elements, int i, JsonNode value, JsonNode input, Env env,
            Binder.EnvSink body) {
        if (i == elements.size()) {
            return body.accept(env);
        }
        JsonNode element = value.isNull() ? Json.NULL : Index.get(value, Json.number(i));
        return elements.get(i).bind(element, input, env,
                e -> elementAt(elements, i + 1, value, input, e, body));
    }

    /** One entry of an object pattern: the key filter, an optional variable bound to the whole field, a sub-pattern. */
    public record Field(Node key, Object variable, Binder value) { }

    public static Binder object(List<Field> fields) {
        return (value, input, env, body) -> fieldAt(fields, 0, value, input, env, body);
    }

    private static boolean fieldAt(List<Field> fields, int i, JsonNode value, JsonNode input, Env env,
            Binder.EnvSink body) {
        if (i == fields.size()) {
            return body.accept(env);
        }
        Field field = fields.get(i);
        // Keys may use variables bound by earlier entries of the same pattern, so evaluate in env.
        return field.key().eval(input, env, k -> {
            if (!k.isTextual()) {
                throw Index.cannotIndex(value, k);
            }
            if (!value.isObject() && !value.isNull()) {
                throw Index.cannotIndex(value, k);
            }
            JsonNode v = Index.get(value, k);
            Env e = field.variable() == null ? env : env.bind(field.variable(), v);
            if (field.value() == null) {
                return fieldAt(fields, i + 1, value, input, e, body);
            }
            return field.value().bind(v, input, e, e2 -> fieldAt(fields, i + 1, value, input, e2, body));
        });
    }
}
