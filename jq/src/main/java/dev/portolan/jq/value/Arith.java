package dev.portolan.jq.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.jq.JqException;

/** jq's arithmetic operators on values, with its type rules and error messages. */
public final class Arith {
    private Arith() {
    }

    private static final long EXACT = 1L << 53;

    /**
     * Integers small enough that long arithmetic gives what jq's doubles give. Beyond 2^53 jq
     * computes in doubles (13911860366432393 - 10 is 13911860366432382), so we do too.
     */
    private static boolean isLong(JsonNode v) {
        if (v.isInt() || v.isShort()) {
            return true;
        }
        return v.isLong() && Math.abs(v.longValue()) <= EXACT;
    }

    private static JsonNode exact(long r) {
        return Math.abs(r) <= EXACT ? Json.number(r) : Json.number((double) r);
    }

    public static JsonNode add(JsonNode a, JsonNode b) {
        if (a.isNull()) {
            return b;
        }
        if (b.isNull()) {
            return a;
        }
        if (a.isNumber() && b.isNumber()) {
            if (isLong(a) && isLong(b)) {
                long x = a.longValue();
                long y = b.longValue();
                return exact(x + y);
            }
            return Json.number(a.doubleValue() + b.doubleValue());
        }
        if (a.isTextual() && b.isTextual()) {
            return Json.text(a.textValue() + b.textValue());
        }
        if (a.isArray() && b.isArray()) {
            ArrayNode r = Json.FACTORY.arrayNode(a.size() + b.size());
            r.addAll((ArrayNode) a);
            r.addAll((ArrayNode) b);
            return r;
        }
        if (a.isObject() && b.isObject()) {
            ObjectNode r = Json.copyOf((ObjectNode) a);
            b.properties().forEach(e -> r.set(e.getKey(), e.getValue()));
            return r;
        }
        throw fail(a, b, "added");
    }

    public static JsonNode subtract(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            if (isLong(a) && isLong(b)) {
                long x = a.longValue();
                long y = b.longValue();
                return exact(x - y);
            }
            return Json.number(a.doubleValue() - b.doubleValue());
        }
        if (a.isArray() && b.isArray()) {
            ArrayNode r = Json.array();
            for (JsonNode x : a) {
                boolean found = false;
                for (JsonNode y : b) {
                    if (Values.equal(x, y)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    r.add(x);
                }
            }
            return r;
        }
        throw fail(a, b, "subtracted");
    }

    public static JsonNode multiply(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            if (isLong(a) && isLong(b)) {
                long x = a.longValue();
                long y = b.longValue();
                long hi = Math.multiplyHigh(x, y);
                long r = x * y;
                if ((hi == 0 && r >= 0) || (hi == -1 && r < 0)) {
                    // jq multiplies doubles: 0 * -1 is -0, which a long cannot hold.
                    return r == 0 && (x < 0 || y < 0) ? Json.number(-0.0) : exact(r);
                }
            }
            return Json.number(a.doubleValue() * b.doubleValue());
        }
        if (a.isTextual() && b.isNumber()) {
            return repeat(a.textValue(), b.doubleValue());
        }
        if (a.isNumber() && b.isTextual()) {
            return repeat(b.textValue(), a.doubleValue());
        }
        if (a.isObject() && b.isObject()) {
            return deepMerge((ObjectNode) a, (ObjectNode) b, 0);
        }
        throw fail(a, b, "multiplied");
    }

    private static final int MAX_DEPTH = 10_000;

    /** {@code "ab" * n}: n copies (rounded down); a negative or nan count gives null. */
    private static JsonNode repeat(String s, double times) {
        if (Double.isNaN(times) || times < 0) {
            return Json.NULL;
        }
        int n = (int) Math.min(Math.floor(times), Integer.MAX_VALUE);
        if ((long) s.length() * n > 100_000_000L) {
            throw new JqException("Repeat string result too long");
        }
        return Json.text(s.repeat(n));
    }

    /** jq 1.8 stops merging objects nested deeper than its depth limit (10,000). */
    private static ObjectNode deepMerge(ObjectNode a, ObjectNode b, int depth) {
        if (depth > MAX_DEPTH) {
            throw new JqException("Object merge too deep");
        }
        ObjectNode r = Json.copyOf(a);
        b.properties().forEach(e -> {
            JsonNode old = r.get(e.getKey());
            JsonNode val = e.getValue();
            if (old != null && old.isObject() && val.isObject()) {
                r.set(e.getKey(), deepMerge((ObjectNode) old, (ObjectNode) val, depth + 1));
            } else {
                r.set(e.getKey(), val);
            }
        });
        return r;
    }

    public static JsonNode divide(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            if (b.doubleValue() == 0) {
                throw fail(a, b, "divided because the divisor is zero");
            }
            return Json.number(a.doubleValue() / b.doubleValue());
        }
        if (a.isTextual() && b.isTextual()) {
            return Strings.split(a.textValue(), b.textValue());
        }
        throw fail(a, b, "divided");
    }

    public static JsonNode modulo(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Json.number(Double.NaN);
            }
            long divisor = truncate(y);
            if (divisor == 0) {
                throw fail(a, b, "divided (remainder) because the divisor is zero");
            }
            long dividend = truncate(x);
            // C's % on intmax_t; the absolute divisor avoids LONG_MIN % -1 overflow.
            return Json.number(dividend % Math.abs(divisor));
        }
        throw fail(a, b, "divided");
    }

    private static long truncate(double d) {
        if (d >= 9.223372036854775807E18) {
            return Long.MAX_VALUE;
        }
        return d <= -9.223372036854775808E18 ? Long.MIN_VALUE : (long) d;
    }

    public static JsonNode negate(JsonNode a) {
        if (!a.isNumber()) {
            throw new JqException(Values.describe(a) + " cannot be negated");
        }
        // jq 1.8: negating a number keeps its precision (-13911860366432393), like every literal.
        if (a.isIntegralNumber() && !a.isBigInteger() && a.longValue() != Long.MIN_VALUE && a.longValue() != 0) {
            return Json.number(-a.longValue());
        }
        // jq 1.8: negating a number literal keeps its precision (-13911860366432393, -0.1234567890123456789).
        if (a.isBigDecimal() && a.decimalValue().signum() != 0) {
            return com.fasterxml.jackson.databind.node.DecimalNode.valueOf(a.decimalValue().negate());
        }
        if (a.isBigInteger()) {
            return Json.FACTORY.numberNode(a.bigIntegerValue().negate());
        }
        return Json.number(-a.doubleValue());
    }

    private static JqException fail(JsonNode a, JsonNode b, String verb) {
        return new JqException(Values.describe(a) + " and " + Values.describe(b) + " cannot be " + verb);
    }
}
