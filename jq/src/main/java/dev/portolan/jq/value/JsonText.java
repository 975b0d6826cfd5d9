package dev.portolan.jq.value;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes values as jq 1.8 prints them: compact ({@code {"a":1,"b":[1,2]}}) or indented, key order
 * preserved, numbers in jq's format (integers without a fraction, 17 significant digits, large
 * and small magnitudes in {@code 1e+300} style, infinities as the largest double).
 */
public final class JsonText {
    private JsonText() {
    }

    public static String compact(JsonNode value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, null, 0);
        return sb.toString();
    }

    /** Indented output; {@code indent} is the unit, e.g. two spaces or a tab. */
    public static String pretty(JsonNode value, String indent) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, indent.isEmpty() ? null : indent, 0);
        return sb.toString();
    }

    /** jq 1.8's MAX_PRINT_DEPTH: values nested deeper print as {@code <skipped: too deep>}. */
    public static final int MAX_PRINT_DEPTH = 10_000;

    /**
     * The dump jq 1.8 puts in error messages: whole when it fits in 29 UTF-8 bytes, else cut to 29
     * bytes ending in {@code ...} (a string, an array or an object keeps its closing delimiter:
     * {@code "very-long-long...\"}, {@code [1,2,3,...]}), never inside a character.
     */
    public static String truncated(JsonNode value) {
        String s = compact(value);
        if (s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 29) {
            return s;
        }
        return switch (value.getNodeType()) {
            case STRING -> prefix(s, 25) + "...\"";
            case ARRAY -> prefix(s, 25) + "...]";
            case OBJECT -> prefix(s, 25) + "...}";
            default -> prefix(s, 26) + "...";
        };
    }

    private static String prefix(String s, int maxBytes) {
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (used + bytes > maxBytes) {
                break;
            }
            out.appendCodePoint(cp);
            used += bytes;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    public static void write(StringBuilder sb, JsonNode value, String indent, int depth) {
        if (depth > MAX_PRINT_DEPTH) {
            sb.append("<skipped: too deep>");
            return;
        }
        switch (value.getNodeType()) {
            case OBJECT -> writeObject(sb, value, indent, depth);
            case ARRAY -> writeArray(sb, value, indent, depth);
            case STRING -> quote(sb, value.textValue());
            case NUMBER -> sb.append(number(value));
            case BOOLEAN -> sb.append(value.booleanValue());
            default -> sb.append("null");
        }
    }

    private static void writeArray(StringBuilder sb, JsonNode value, String indent, int depth) {
        if (value.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append('[');
        boolean first = true;
        for (JsonNode element : value) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            newline(sb, indent, depth + 1);
            write(sb, element, indent, depth + 1);
        }
        newline(sb, indent, depth);
        sb.append(']');
    }

    private static void writeObject(StringBuilder sb, JsonNode value, String indent, int depth) {
        if (value.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append('{');
        Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator();
        boolean first = true;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!first) {
                sb.append(',');
            }
            first = false;
            newline(sb, indent, depth + 1);
            quote(sb, field.getKey());
            sb.append(indent == null ? ":" : ": ");
            write(sb, field.getValue(), indent, depth + 1);
        }
        newline(sb, indent, depth);
        sb.append('}');
    }

    private static void newline(StringBuilder sb, String indent, int depth) {
        if (indent != null) {
            sb.append('\n');
            for (int i = 0; i < depth; i++) {
                sb.append(indent);
            }
        }
    }

    public static String number(JsonNode n) {
        if (n.isIntegralNumber()) {
            return n.isBigInteger() ? n.bigIntegerValue().toString() : Long.toString(n.longValue());
        }
        if (n.isBigDecimal()) {
            // A number literal kept as written: decNumber's canonical text, as jq 1.8 prints it.
            return n.decimalValue().toString();
        }
        return number(n.doubleValue());
    }

    public static String number(double d) {
        if (Double.isNaN(d)) {
            return "null";
        }
        if (Double.isInfinite(d)) {
            d = d > 0 ? Double.MAX_VALUE : -Double.MAX_VALUE;
        }
        // Below 1e16 an integral double always prints in full (jvp_dtoa_fmt pads at most 15 zeros);
        // from 1e16 up DoubleFormat decides, as jq 1.8.2 does (1e16 + 0 is 1e+16, 1.5e16 + 0 in full).
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return d == 0 && 1 / d < 0 ? "-0" : Long.toString((long) d);
        }
        return DoubleFormat.format(d);
    }

    public static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
