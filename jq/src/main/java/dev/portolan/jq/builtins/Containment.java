package dev.portolan.jq.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.JqException;
import dev.portolan.jq.value.Values;
import java.util.Iterator;
import java.util.Map;

/** {@code contains}: substrings, sub-arrays (any order) and sub-objects, recursively. */
final class Containment {
    private Containment() {
    }

    /** jq's {@code contains}: the top-level types must agree; nested mismatches are just "not contained". */
    static boolean contains(JsonNode a, JsonNode b) {
        if (!Values.typeName(a).equals(Values.typeName(b))) {
            throw new JqException(Values.describe(a) + " and " + Values.describe(b) + " cannot have their containment checked");
        }
        return nested(a, b, 0);
    }

    /** jq 1.8's depth limit for containment checks. */
    private static final int MAX_DEPTH = 10_000;

    private static boolean nested(JsonNode a, JsonNode b, int depth) {
        if (depth > MAX_DEPTH) {
            throw new JqException("Containment check too deep");
        }
        if (a.isObject() && b.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = b.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                JsonNode mine = a.get(f.getKey());
                if (mine == null || !nested(mine, f.getValue(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            for (JsonNode wanted : b) {
                boolean found = false;
                for (JsonNode x : a) {
                    if (nested(x, wanted, depth + 1)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
        if (a.isTextual() && b.isTextual()) {
            return a.textValue().contains(b.textValue());
        }
        return Values.equal(a, b);
    }
}
