package dev.portolan.jq.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.JqException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** jq's view of values: type names, truthiness, and its total order (null < false < ... < objects). */
public final class Values {
    /** jq's order, usable with {@code sort}. */
    public static final Comparator<JsonNode> ORDER = Values::compare;
    /** Code point order, which is how jq sorts strings and object keys. */
    public static final Comparator<String> KEY_ORDER = Values::compareStrings;

    private Values() {
    }

    public static String typeName(JsonNode v) {
        return switch (v.getNodeType()) {
            case NULL, MISSING -> "null";
            case BOOLEAN -> "boolean";
            case NUMBER -> "number";
            case STRING -> "string";
            case ARRAY -> "array";
            case OBJECT -> "object";
            default -> "null";
        };
    }

    /** {@code type ("dump")} as in jq's error messages, e.g. {@code number (1)}. */
    public static String describe(JsonNode v) {
        return typeName(v) + " (" + JsonText.truncated(v) + ")";
    }

    /** jq's wording: {@code Cannot iterate over number (123)}, {@code Cannot iterate over null (null)}. */
    public static JqException cannotIterate(JsonNode v) {
        return new JqException("Cannot iterate over " + describe(v));
    }

    public static boolean truthy(JsonNode v) {
        return !(v.isNull() || v.isMissingNode() || (v.isBoolean() && !v.booleanValue()));
    }

    private static int rank(JsonNode v) {
        return switch (v.getNodeType()) {
            case BOOLEAN -> v.booleanValue() ? 2 : 1;
            case NUMBER -> 3;
            case STRING -> 4;
            case ARRAY -> 5;
            case OBJECT -> 6;
            default -> 0;
        };
    }

    /**
     * jq 1.8.2's depth limit for {@code ==} (and everything that checks equality: {@code unique},
     * {@code group_by}, array {@code -}, {@code indices}) and for ordering ({@code <}, {@code sort},
     * {@code min}, {@code bsearch} ...): deeper values fail with "Equality check too deep" or
     * "Comparison too deep", counted as jq counts them.
     */
    private static final int MAX_DEPTH = 10_000;

    /**
     * jq's {@code ==}, walked as jq walks it: arrays of different lengths differ at once, an object's
     * keys are looked up in the other one in order, and the same value is equal to itself without a
     * walk (except nan).
     *
     * @throws JqException "Equality check too deep" past 10,000 levels
     */
    public static boolean equal(JsonNode a, JsonNode b) {
        return equal(a, b, 0);
    }

    private static boolean equal(JsonNode a, JsonNode b, int depth) {
        if (depth > MAX_DEPTH) {
            throw new JqException("Equality check too deep");
        }
        int ra = rank(a);
        if (ra != rank(b)) {
            return false;
        }
        if (a == b && !a.isDouble()) {
            return true;
        }
        return switch (ra) {
            case 3 -> compareNumbers(a, b) == 0;
            case 4 -> a.textValue().equals(b.textValue());
            case 5 -> equalArrays(a, b, depth + 1);
            case 6 -> equalObjects(a, b, depth + 1);
            default -> true;
        };
    }

    private static boolean equalArrays(JsonNode a, JsonNode b, int depth) {
        int n = a.size();
        if (n != b.size()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!equal(a.get(i), b.get(i), depth)) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalObjects(JsonNode a, JsonNode b, int depth) {
        for (Map.Entry<String, JsonNode> f : a.properties()) {
            JsonNode other = b.get(f.getKey());
            if (other == null || !equal(f.getValue(), other, depth)) {
                return false;
            }
        }
        return a.size() == b.size();
    }

    /**
     * jq's total order.
     *
     * @throws JqException "Comparison too deep" past 10,000 levels (an object's keys
     *     count as one level below it, their strings as two)
     */
    public static int compare(JsonNode a, JsonNode b) {
        return compare(a, b, 0);
    }

    private static int compare(JsonNode a, JsonNode b, int depth) {
        if (depth > MAX_DEPTH) {
            throw new JqException("Comparison too deep");
        }
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        return switch (ra) {
            case 3 -> compareNumbers(a, b);
            case 4 -> compareStrings(a.textValue(), b.textValue());
            case 5 -> compareArrays(a, b, depth);
            case 6 -> compareObjects(a, b, depth);
            default -> 0;
        };
    }

    private static int compareNumbers(JsonNode a, JsonNode b) {
        // Two number literals compare exactly (jq 1.8 with decNumber); anything computed compares as doubles.
        if ((a.isBigDecimal() || a.isBigInteger()) && (b.isBigDecimal() || b.isBigInteger() || b.isIntegralNumber())
                || (b.isBigDecimal() || b.isBigInteger()) && a.isIntegralNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        if (a.canConvertToExactIntegral() && b.canConvertToExactIntegral() && a.isIntegralNumber() && b.isIntegralNumber()
                && !a.isBigInteger() && !b.isBigInteger()) {
            return Long.compare(a.longValue(), b.longValue());
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        // jq sorts nan below every number, and nan is not equal to itself.
        if (Double.isNaN(x)) {
            return -1;
        }
        if (Double.isNaN(y)) {
            return 1;
        }
        return x < y ? -1 : x == y ? 0 : 1;
    }

    public static int compareStrings(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                // Surrogates sort above the rest of the BMP in code point (and UTF-8) order.
                boolean sx = Character.isSurrogate(x);
                boolean sy = Character.isSurrogate(y);
                if (sx != sy) {
                    return sx ? 1 : -1;
                }
                return Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int compareArrays(JsonNode a, JsonNode b, int depth) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compare(a.get(i), b.get(i), depth + 1);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareObjects(JsonNode a, JsonNode b, int depth) {
        List<String> ka = sortedKeys(a);
        List<String> kb = sortedKeys(b);
        int n = Math.min(ka.size(), kb.size());
        // jq compares the two key arrays as values one level down, and their strings two levels down.
        if (depth + 1 > MAX_DEPTH || n > 0 && depth + 2 > MAX_DEPTH) {
            throw new JqException("Comparison too deep");
        }
        for (int i = 0; i < n; i++) {
            int c = compareStrings(ka.get(i), kb.get(i));
            if (c != 0) {
                return c;
            }
        }
        if (ka.size() != kb.size()) {
            return Integer.compare(ka.size(), kb.size());
        }
        for (String k : ka) {
            int c = compare(a.get(k), b.get(k), depth + 1);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    public static List<String> sortedKeys(JsonNode object) {
        List<String> keys = new ArrayList<>(object.size());
        Iterator<String> names = object.fieldNames();
        names.forEachRemaining(keys::add);
        Collections.sort(keys, KEY_ORDER);
        return keys;
    }

    /** The number as an int index, truncated toward zero as jq 1.8.2 does ({@code .[-0.5] = 9} sets .[0]). */
    public static int toIndex(JsonNode n) {
        double d = n.doubleValue();
        if (d > Integer.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        return d < Integer.MIN_VALUE ? Integer.MIN_VALUE : (int) d;
    }
}
