package dev.portolan.jq.value;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;

/** Parses number text the way jq keeps it: integers stay exact, the rest become doubles. */
public final class Numbers {
    private Numbers() {
    }

    public static JsonNode parse(String s) {
        if (s.indexOf('.') < 0 && s.indexOf('e') < 0 && s.indexOf('E') < 0) {
            BigInteger i = new BigInteger(s);
            return i.bitLength() < 63 ? Json.number(i.longValue()) : Json.FACTORY.numberNode(i);
        }
        return Json.number(Double.parseDouble(s));
    }
}
