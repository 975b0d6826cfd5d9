package dev.portolan.jq.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.portolan.jq.JqException;

/** {@code .[k]}, {@code .[a:b]} and array-in-array search, with jq's null propagation and errors. */
public final class Index {
    private Index() {
    }

    public static JsonNode get(JsonNode target, JsonNode key) {
        if (target.isObject() && key.isTextual()) {
            JsonNode v = target.get(key.textValue());
            return v == null ? Json.NULL : v;
        }
        if (target.isArray() && key.isNumber()) {
            return element(target, key.doubleValue());
        }
        if (target.isNull() && (key.isTextual() || key.isNumber() || key.isObject())) {
            return Json.NULL;
        }
        if (key.isObject() && (target.isArray() || target.isTextual())) {
            return slice(target, key.get("start"), key.get("end"));
        }
        if (target.isArray() && key.isArray()) {
            return indices(target, key);
        }
        throw cannotIndex(target, key);
    }

    /** jq 1.8's wording: {@code Cannot index number with string ("a")}. */
    public static JqException cannotIndex(JsonNode target, JsonNode key) {
        return new JqException("Cannot index " + Values.typeName(target) + " with " + Values.describe(key));
    }

    private static JsonNode element(JsonNode array, double d) {
        if (Double.isNaN(d)) {
            return Json.NULL;
        }
        // jq 1.8.2 truncates toward zero before counting from the end: .[-0.5] is .[0], .[-1.5] is .[-1].
        int i = (int) Math.max(Math.min(d, Integer.MAX_VALUE), Integer.MIN_VALUE);
        if (i < 0) {
            i += array.size();
        }
        JsonNode v = i >= 0 ? array.get(i) : null;
        return v == null ? Json.NULL : v;
    }

    public static JsonNode slice(JsonNode target, JsonNode from, JsonNode to) {
        if (target.isNull()) {
            return Json.NULL;
        }
        if ((from != null && !from.isNull() && !from.isNumber()) || (to != null && !to.isNull() && !to.isNumber())) {
            throw new JqException("Start and end indices of an array slice must be numbers");
        }
        boolean text = target.isTextual();
        if (!text && !target.isArray()) {
            throw cannotIndex(target, sliceKey(from, to));
        }
        int len = text ? Strings.length(target.textValue()) : target.size();
        int[] range = range(len, from, to);
        if (text) {
            return Json.text(Strings.slice(target.textValue(), range[0], range[1]));
        }
        ArrayNode out = Json.FACTORY.arrayNode(range[1] - range[0]);
        for (int i = range[0]; i < range[1]; i++) {
            out.add(target.get(i));
        }
        return out;
    }

    private static JsonNode sliceKey(JsonNode from, JsonNode to) {
        com.fasterxml.jackson.databind.node.ObjectNode key = Json.object();
        key.set("start", from == null ? Json.NULL : from);
        key.set("end", to == null ? Json.NULL : to);
        return key;
    }

    /** Clamped [start, end) of a slice over a sequence of {@code len} elements. */
    public static int[] range(int len, JsonNode from, JsonNode to) {
        // A NaN bound is no bound, as in jq 1.8: .[nan:1] is .[:1].
        double start = from == null || from.isNull() || Double.isNaN(from.doubleValue()) ? 0 : Math.floor(from.doubleValue());
        double end = to == null || to.isNull() || Double.isNaN(to.doubleValue()) ? len : Math.ceil(to.doubleValue());
        if (start < 0) {
            start = Math.max(0, len + start);
        }
        if (end < 0) {
            end = len + end;
        }
        start = Math.min(start, len);
        end = Math.max(start, Math.min(end, len));
        return new int[] {(int) start, (int) end};
    }

    private static JsonNode indices(JsonNode array, JsonNode sub) {
        ArrayNode out = Json.array();
        if (sub.isEmpty()) {
            return Json.NULL;
        }
        for (int i = 0; i + sub.size() <= array.size(); i++) {
            boolean match = true;
            for (int j = 0; j < sub.size() && match; j++) {
                match = Values.equal(array.get(i + j), sub.get(j));
            }
            if (match) {
                out.add(Json.number(i));
            }
        }
        return out;
    }
}
