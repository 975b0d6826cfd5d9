package dev.portolan.jq.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** String helpers shared by operators and builtins; lengths and offsets count code points. */
public final class Strings {
    private Strings() {
    }

    /** {@code "a,b" / ","}: splits on every occurrence of a literal separator. */
    public static ArrayNode split(String s, String separator) {
        ArrayNode parts = Json.array();
        if (s.isEmpty()) {
            return parts;
        }
        if (separator.isEmpty()) {
            s.codePoints().forEach(cp -> parts.add(new String(Character.toChars(cp))));
            return parts;
        }
        int start = 0;
        int at;
        while ((at = s.indexOf(separator, start)) >= 0) {
            parts.add(s.substring(start, at));
            start = at + separator.length();
        }
        parts.add(s.substring(start));
        return parts;
    }

    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** A substring by code point offsets, clamped to the string. */
    public static String slice(String s, int from, int to) {
        int n = length(s);
        from = Math.max(0, Math.min(from, n));
        to = Math.max(from, Math.min(to, n));
        int begin = s.offsetByCodePoints(0, from);
        return s.substring(begin, s.offsetByCodePoints(begin, to - from));
    }

    public static JsonNode explode(String s) {
        ArrayNode out = Json.array();
        s.codePoints().forEach(cp -> out.add(Json.number(cp)));
        return out;
    }
}
