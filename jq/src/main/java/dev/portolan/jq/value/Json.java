package dev.portolan.jq.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Factory shortcuts for the values jq produces. Numbers are kept integral when they are. */
public final class Json {
    public static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;
    public static final JsonNode NULL = NullNode.getInstance();
    public static final JsonNode TRUE = BooleanNode.TRUE;
    public static final JsonNode FALSE = BooleanNode.FALSE;
    private static final IntNode[] SMALL = new IntNode[1025];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = IntNode.valueOf(i - 1);
        }
    }

    private Json() {
    }

    public static JsonNode bool(boolean b) {
        return b ? TRUE : FALSE;
    }

    public static JsonNode text(String s) {
        return TextNode.valueOf(s);
    }

    public static JsonNode number(long n) {
        if (n >= -1 && n < SMALL.length - 1) {
            return SMALL[(int) n + 1];
        }
        return n == (int) n ? IntNode.valueOf((int) n) : LongNode.valueOf(n);
    }

    /** A number from a double: integral values within 2^53 become integer nodes. */
    public static JsonNode number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15 && !(d == 0 && 1 / d < 0)) {
            return number((long) d);
        }
        return DoubleNode.valueOf(d);
    }

    public static ArrayNode array() {
        return FACTORY.arrayNode();
    }

    public static ObjectNode object() {
        return FACTORY.objectNode();
    }

    /** A shallow copy, so that one level can be changed without touching the original. */
    public static ObjectNode copyOf(ObjectNode source) {
        ObjectNode copy = FACTORY.objectNode();
        source.properties().forEach(e -> copy.set(e.getKey(), e.getValue()));
        return copy;
    }

    public static ArrayNode copyOf(ArrayNode source) {
        ArrayNode copy = FACTORY.arrayNode(source.size());
        copy.addAll(source);
        return copy;
    }
}
