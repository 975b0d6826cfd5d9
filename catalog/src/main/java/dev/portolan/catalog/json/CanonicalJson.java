package dev.portolan.catalog.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;

/**
 * Canonical JSON text: object keys sorted at every level, numbers that are equal written alike, no
 * spaces; the same content always gives the same text. Texts are escaped as Jackson's generator
 * escapes them ({@code \"}, {@code \\}, {@code \b \t \n \f \r}, other control characters as
 * {@code \}{@code u00XX}; nothing else), so content hashes stored by earlier versions, which hashed
 * Jackson's output, still match.
 *
 * <p>A writer is reused: {@link #reset()} keeps its buffers. Content hashing writes an entity's
 * canonical text for every entity a resync produces, and writing it here, then encoding it into one
 * reused byte buffer for the digest, costs a fraction of a Jackson generator over a {@code StringWriter}
 * and the copies {@code toString} and {@code getBytes} make. Not thread-safe: one per thread.
 */
public final class CanonicalJson {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** Above this many digits of scale a number keeps its exponent: 1e999999999 would be a billion digits. */
    private static final int MAX_PLAIN_SCALE = 1000;

    private char[] chars = new char[1024];
    private int length;
    private byte[] utf8 = new byte[1024];
    /** Per open object or array (innermost last): whether it is an array, and whether it has a member yet. */
    private boolean[] isArray = new boolean[16];
    private boolean[] hasMember = new boolean[16];
    private int depth;

    public CanonicalJson reset() {
        length = 0;
        depth = 0;
        return this;
    }

    /** The text written since the last {@link #reset()}. */
    @Override
    public String toString() {
        return new String(chars, 0, length);
    }

    /** Feeds the text written since the last {@link #reset()} to {@code digest} as UTF-8 (a lone surrogate as {@code ?}). */
    public void digestInto(MessageDigest digest) {
        int size = encodeUtf8(); // first: it may replace the buffer
        digest.update(utf8, 0, size);
    }

    /** Any JSON value; a Java null is written as JSON null. */
    public CanonicalJson value(JsonNode node) {
        if (node == null) {
            raw("null");
        } else if (node.isObject()) {
            int size = node.size();
            String[] keys = new String[size];
            JsonNode[] values = new JsonNode[size];
            int i = 0;
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                keys[i] = member.getKey();
                values[i++] = member.getValue();
            }
            sortByKey(keys, values);
            startObject();
            for (i = 0; i < size; i++) {
                key(keys[i]);
                value(values[i]);
            }
            endObject();
        } else if (node.isArray()) {
            startArray();
            for (JsonNode element : node) {
                value(element);
            }
            endArray();
        } else if (node.isTextual()) {
            string(node.textValue());
        } else if (node.isBoolean()) {
            raw(node.booleanValue() ? "true" : "false");
        } else if (node.isNull()) {
            raw("null");
        } else if (node.isInt() || node.isLong() || node.isShort()) {
            raw(Long.toString(node.longValue())); // an int's plain notation is its digits: no BigDecimal needed
        } else if (node.isNumber()) {
            // 1, 1.0 and 1.00 are the same number to JSON users: written alike.
            BigDecimal number = node.decimalValue().stripTrailingZeros();
            raw(Math.abs(number.scale()) <= MAX_PLAIN_SCALE ? number.toPlainString() : number.toString());
        } else {
            raw(Json.write(node)); // binary or POJO nodes, which entities do not hold: as Jackson writes them
        }
        return this;
    }

    /**
     * Sorts members by key, keeping each value with its key (looking values up by key again cost as
     * much as writing them). Objects are small: an insertion sort, unless one is not.
     */
    private static void sortByKey(String[] keys, JsonNode[] values) {
        int size = keys.length;
        if (size > 32) {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
            String[] sortedKeys = new String[size];
            JsonNode[] sortedValues = new JsonNode[size];
            for (int i = 0; i < size; i++) {
                sortedKeys[i] = keys[order[i]];
                sortedValues[i] = values[order[i]];
            }
            System.arraycopy(sortedKeys, 0, keys, 0, size);
            System.arraycopy(sortedValues, 0, values, 0, size);
            return;
        }
        for (int i = 1; i < size; i++) {
            String key = keys[i];
            JsonNode value = values[i];
            int j = i - 1;
            while (j >= 0 && keys[j].compareTo(key) > 0) {
                keys[j + 1] = keys[j];
                values[j + 1] = values[j];
                j--;
            }
            keys[j + 1] = key;
            values[j + 1] = value;
        }
    }

    public CanonicalJson startObject() {
        open('{', false);
        return this;
    }

    /** A member's key in the object being written; the caller gives keys in sorted order. */
    public CanonicalJson key(String key) {
        if (hasMember[depth - 1]) append(',');
        hasMember[depth - 1] = true;
        writeString(key);
        append(':');
        return this;
    }

    public CanonicalJson endObject() {
        close('}');
        return this;
    }

    public CanonicalJson startArray() {
        open('[', true);
        return this;
    }

    public CanonicalJson endArray() {
        close(']');
        return this;
    }

    /** A text value, or null. */
    public CanonicalJson string(String text) {
        if (text == null) {
            raw("null");
        } else {
            beforeValue();
            writeString(text);
        }
        return this;
    }

    /** An array element other than the first is preceded by a comma (object members get theirs from {@link #key}). */
    private void beforeValue() {
        if (depth > 0 && isArray[depth - 1]) {
            if (hasMember[depth - 1]) append(',');
            hasMember[depth - 1] = true;
        }
    }

    private void open(char bracket, boolean array) {
        beforeValue();
        append(bracket);
        if (depth == isArray.length) {
            isArray = Arrays.copyOf(isArray, depth * 2);
            hasMember = Arrays.copyOf(hasMember, depth * 2);
        }
        isArray[depth] = array;
        hasMember[depth] = false;
        depth++;
    }

    private void close(char bracket) {
        depth--;
        append(bracket);
    }

    private void raw(String text) {
        beforeValue();
        ensure(text.length());
        text.getChars(0, text.length(), chars, length);
        length += text.length();
    }

    private void append(char c) {
        ensure(1);
        chars[length++] = c;
    }

    /**
     * Copies the text in bulk, then looks for characters to escape; most texts have none, and a copy
     * and a scan cost less than a branch per character on the way in.
     */
    private void writeString(String text) {
        int n = text.length();
        ensure(n + 2);
        chars[length++] = '"';
        text.getChars(0, n, chars, length);
        int end = length + n;
        int first = length;
        while (first < end && !needsEscape(chars[first])) first++;
        if (first == end) {
            length = end;
        } else {
            length = first;
            for (int i = first - (end - n); i < n; i++) {
                char c = text.charAt(i);
                if (needsEscape(c)) {
                    ensure(6 + n - i); // the escape, the rest of the text and its closing quote
                    escape(c);
                } else {
                    chars[length++] = c;
                }
            }
        }
        chars[length++] = '"';
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c == '"' || c == '\\';
    }

    private void escape(char c) {
        chars[length++] = '\\';
        char shortForm = switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\f' -> 'f';
            case '\r' -> 'r';
            default -> 0;
        };
        if (shortForm != 0) {
            chars[length++] = shortForm;
        } else {
            chars[length++] = 'u';
            chars[length++] = '0';
            chars[length++] = '0';
            chars[length++] = HEX[c >> 4];
            chars[length++] = HEX[c & 0xF];
        }
    }

    private void ensure(int more) {
        if (length + more > chars.length) chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
    }

    private int encodeUtf8() {
        if (utf8.length < length * 3) utf8 = new byte[Math.max(utf8.length * 2, length * 3)];
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c < 0x80) {
                utf8[n++] = (byte) c;
            } else if (c < 0x800) {
                utf8[n++] = (byte) (0xC0 | c >> 6);
                utf8[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars[i + 1])) {
                int code = Character.toCodePoint(c, chars[++i]);
                utf8[n++] = (byte) (0xF0 | code >> 18);
                utf8[n++] = (byte) (0x80 | code >> 12 & 0x3F);
                utf8[n++] = (byte) (0x80 | code >> 6 & 0x3F);
                utf8[n++] = (byte) (0x80 | code & 0x3F);
            } else if (Character.isSurrogate(c)) {
                utf8[n++] = '?'; // as String.getBytes(UTF_8) replaces a lone surrogate
            } else {
                utf8[n++] = (byte) (0xE0 | c >> 12);
                utf8[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                utf8[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return n;
    }
}
