package dev.portolan.jq.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Parses number text the way jq 1.8 keeps it: a number keeps its literal text until arithmetic
 * changes it ({@code 1.0}, {@code 1.000}, {@code 1E+2} and {@code 13911860366432393} print as
 * written, in decNumber's canonical form, which is {@link BigDecimal#toString()}). Integers that fit
 * a long and decimals whose text is already the double's are kept as plain numbers (the fast path).
 */
public final class Numbers {
    private Numbers() {
    }

    public static JsonNode parse(String s) {
        if (s.indexOf('.') < 0 && s.indexOf('e') < 0 && s.indexOf('E') < 0) {
            BigInteger i = new BigInteger(s);
            return i.bitLength() < 63 ? Json.number(i.longValue()) : Json.FACTORY.numberNode(i);
        }
        BigDecimal literal;
        try {
            literal = new BigDecimal(s);
        } catch (NumberFormatException e) {
            // An exponent beyond BigDecimal's range: only the double is left.
            return Json.number(Double.parseDouble(s));
        }
        return literal(literal);
    }

    /** A decimal literal: a plain double when that prints the same, else the literal itself. */
    public static JsonNode literal(BigDecimal literal) {
        double d = literal.doubleValue();
        if (!Double.isInfinite(d) && JsonText.number(d).equals(literal.toString())) {
            return Json.number(d);
        }
        return DecimalNode.valueOf(literal);
    }
}
