package dev.portolan.jq.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.jq.JqException;
import dev.portolan.jq.eval.Env;
import dev.portolan.jq.eval.Node;
import dev.portolan.jq.eval.Sink;
import dev.portolan.jq.value.Json;
import dev.portolan.jq.value.Values;
import java.util.List;

/**
 * {@code sub}/{@code gsub}: the replacement is a filter run on each match's named captures; when
 * it yields several strings, every combination is produced, the first match varying slowest.
 */
final class Substitution {
    private Substitution() {
    }

    static boolean run(JsonNode in, List<ObjectNode> matches, Node replacement, Env env, Sink out) {
        String s = in.textValue();
        return step(s, new CodePoints(s), matches, 0, 0, new StringBuilder(), replacement, env, out);
    }

    private static boolean step(String s, CodePoints cp, List<ObjectNode> matches, int i, int previous,
            StringBuilder done, Node replacement, Env env, Sink out) {
        if (i == matches.size()) {
            return out.emit(Json.text(done + s.substring(previous)));
        }
        ObjectNode m = matches.get(i);
        int start = cp.charIndex(m.get("offset").intValue());
        int end = cp.charIndex(m.get("offset").intValue() + m.get("length").intValue());
        String before = s.substring(previous, start);
        return replacement.eval(RegexBuiltins.captureObject(m), env, r -> {
            if (!r.isTextual()) {
                throw new JqException(Values.describe(Json.text(done + before)) + " and " + Values.describe(r)
                        + " cannot be added");
            }
            StringBuilder next = new StringBuilder(done).append(before).append(r.textValue());
            return step(s, cp, matches, i + 1, end, next, replacement, env, out);
        });
    }
}
