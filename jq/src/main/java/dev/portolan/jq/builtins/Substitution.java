package dev.portolan.jq.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.jq.JqException;
import dev.portolan.jq.eval.Env;
import dev.portolan.jq.eval.Node;
import dev.portolan.jq.eval.Sink;
import dev.portolan.jq.value.Json;
import dev.portolan.jq.value.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sub}/{@code gsub} as jq 1.8 defines them: the replacement filter runs on each match's
 * named captures; its i-th output goes into the i-th result (results are zipped by output
 * index, not multiplied). Without matches, or when the replacement yields nothing at all, the
 * input comes back unchanged.
 */
final class Substitution {
    private Substitution() {
    }

    static boolean run(JsonNode in, List<ObjectNode> matches, Node replacement, Env env, Sink out) {
        String s = in.textValue();
        CodePoints cp = new CodePoints(s);
        List<StringBuilder> results = new ArrayList<>();
        int previous = 0;
        for (ObjectNode m : matches) {
            int start = cp.charIndex(m.get("offset").intValue());
            String gap = s.substring(previous, Math.max(previous, start));
            List<JsonNode> inserts = new ArrayList<>();
            replacement.eval(RegexBuiltins.captureObject(m), env, v -> inserts.add(v));
            for (int ix = 0; ix < inserts.size(); ix++) {
                JsonNode insert = inserts.get(ix);
                if (ix == results.size()) {
                    results.add(new StringBuilder());
                }
                if (!insert.isTextual()) {
                    throw new JqException(Values.describe(Json.text(gap)) + " and " + Values.describe(insert)
                            + " cannot be added");
                }
                results.get(ix).append(gap).append(insert.textValue());
            }
            previous = cp.charIndex(m.get("offset").intValue() + m.get("length").intValue());
        }
        if (results.isEmpty()) {
            return out.emit(in);
        }
        String rest = s.substring(previous);
        for (StringBuilder r : results) {
            if (!out.emit(Json.text(r + rest))) {
                return false;
            }
        }
        return true;
    }
}
