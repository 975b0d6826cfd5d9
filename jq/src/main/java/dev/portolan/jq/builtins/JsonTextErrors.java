package dev.portolan.jq.builtins;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Finds the first error in a JSON text and words it as jq 1.8's reader does ("Expected separator
 * between values at line 1, column 5", "Unfinished JSON term at EOF at line 2, column 0").
 *
 * <p>Jackson reads every JSON text (it is fast); this class runs only after Jackson refused one,
 * to say what is wrong in jq's terms. It follows jq's reader step by step: a literal (number,
 * {@code true}, ...) is only checked when the character after it arrives, object keys take a
 * place on the nesting stack, columns count UTF-8 bytes since the last newline and include the
 * character that revealed the error. Stateless and thread-safe.
 */
public final class JsonTextErrors {
    /** Nesting (arrays, objects and pending object keys) jq's reader accepts. */
    private static final int MAX_STACK = JsonInput.MAX_DEPTH;
    /** What jq's number reader (decNumber) accepts; a NaN with a payload ({@code NaN1}) is refused. */
    private static final Pattern NUMBER = Pattern.compile(
            "[+-]?((\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|(?i:inf|infinity|nan))");

    /**
     * The outcome of reading a text: jq's message for the first error (null when there is none),
     * how many top-level values were complete before it, and jq's line and column at the end of the text.
     */
    public record Reading(String error, int values, int line, int column) { }

    /** ASCII RS, which starts each text of a JSON text sequence (RFC 7464, jq's {@code --seq}). */
    public static final char RECORD_SEPARATOR = '\u001e';

    private enum Frame { ARRAY, OBJECT, KEY }

    private enum State { NORMAL, STRING, ESCAPE }

    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Deque<Integer> sizes = new ArrayDeque<>();
    private final StringBuilder token = new StringBuilder();
    private final boolean sequence;
    private State state = State.NORMAL;
    private boolean hasNext;
    private boolean nextIsString;
    private boolean nextIsNumber;
    private boolean lastWasWhitespace;
    private int values;
    private int line;
    private int column;

    private JsonTextErrors(int line, int column, boolean sequence) {
        this.line = line;
        this.column = column;
        this.sequence = sequence;
    }

    /** Reads a whole text (its end is the end of the input), as {@code fromjson} does. */
    public static Reading read(CharSequence text) {
        return read(text, 1, 0, true, false);
    }

    /**
     * Reads {@code text}, which starts at jq's {@code line} and {@code column} (the column of the
     * character before it, 0 at a line start) in a longer input; {@code atEnd} when the input ends
     * with it (then an unfinished value is an error "at EOF"). With {@code sequence} ({@code --seq}),
     * {@link #RECORD_SEPARATOR} ends the text before it: an unfinished one is "Truncated", and any
     * other error waits for the next separator ("need RS to resync").
     */
    public static Reading read(CharSequence text, int line, int column, boolean atEnd, boolean sequence) {
        JsonTextErrors reader = new JsonTextErrors(line, column, sequence);
        int start = text.length() > 0 && text.charAt(0) == '\uFEFF' && line == 1 && column == 0 ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char ch = text.charAt(i);
            String error = reader.scan(ch);
            if (error != null) {
                String resync = sequence && ch != RECORD_SEPARATOR ? " (need RS to resync)" : "";
                String message = error + " at line " + reader.line + ", column " + reader.column + resync;
                for (int rest = i + 1; rest < text.length(); rest++) {
                    reader.advance(text.charAt(rest));
                }
                return reader.reading(message);
            }
        }
        String error = atEnd ? reader.end() : null;
        return reader.reading(error == null ? null : error + " at EOF at line " + reader.line + ", column " + reader.column);
    }

    private Reading reading(String error) {
        return new Reading(error, values, line, column);
    }

    /** jq's position: columns count the UTF-8 bytes of the line so far. */
    private void advance(char ch) {
        column += Character.isSurrogate(ch) ? 2 : ch < 0x80 ? 1 : ch < 0x800 ? 2 : 3;
        if (ch == '\n') {
            line++;
            column = 0;
        }
    }

    private String scan(char ch) {
        advance(ch);
        if (sequence && ch == RECORD_SEPARATOR) {
            return separator();
        }
        if (state != State.NORMAL) {
            lastWasWhitespace = false;
            return inString(ch);
        }
        lastWasWhitespace = isWhitespace(ch);
        boolean literal = !isWhitespace(ch) && ch != '"' && !isStructure(ch);
        if (literal) {
            token.append(ch);
            return null;
        }
        String error = literal();
        if (error == null && isStructure(ch)) {
            error = structure(ch);
        }
        if (error == null && ch == '"') {
            state = State.STRING;
        }
        done();
        return error;
    }

    private String inString(char ch) {
        if (ch == '"' && state == State.STRING) {
            state = State.NORMAL;
            String error = StringEscapes.check(token);
            token.setLength(0);
            if (error == null) {
                error = value(true, false);
            }
            done();
            return error;
        }
        token.append(ch);
        state = ch == '\\' && state == State.STRING ? State.ESCAPE : State.STRING;
        return null;
    }

    /**
     * A record separator: a value cut short without a whitespace before the separator is
     * "Truncated"; otherwise whatever was open is dropped and reading starts afresh, as jq does.
     */
    private String separator() {
        boolean cut = !lastWasWhitespace && (!stack.isEmpty() || !token.isEmpty() || (hasNext && nextIsNumber));
        if (cut) {
            boolean topNumber = literal() == null && stack.isEmpty() && hasNext && nextIsNumber;
            return topNumber ? "Potentially truncated top-level numeric value" : "Truncated value";
        }
        String error = literal();
        if (error != null) {
            return error;
        }
        if (state == State.NORMAL) {
            done();
        }
        stack.clear();
        sizes.clear();
        token.setLength(0);
        state = State.NORMAL;
        hasNext = false;
        lastWasWhitespace = false;
        return null;
    }

    private String end() {
        if (state != State.NORMAL) {
            return "Unfinished string";
        }
        String error = literal();
        if (error != null) {
            return error;
        }
        if (!stack.isEmpty()) {
            return sequence ? "Unfinished abandoned text" : "Unfinished JSON term";
        }
        done();
        return null;
    }

    /** A top-level value is complete once nothing is open. */
    private void done() {
        if (stack.isEmpty() && hasNext) {
            values++;
            hasNext = false;
        }
    }

    /** The literal ({@code true}, {@code null}, a number, ...) that a delimiter just ended, if any. */
    private String literal() {
        if (token.isEmpty()) {
            return null;
        }
        String text = token.toString();
        token.setLength(0);
        String expected = switch (text.charAt(0)) {
            case 't' -> "true";
            case 'f' -> "false";
            case 'n' -> text.length() == 3 ? "nan" : "null";
            case '\'' -> null;
            default -> "";
        };
        if (expected == null) {
            return "Invalid string literal; expected \", but got '";
        }
        if (expected.isEmpty() ? !NUMBER.matcher(text).matches() : !expected.equals(text)) {
            return expected.isEmpty() ? "Invalid numeric literal" : "Invalid literal";
        }
        return value(false, expected.isEmpty());
    }

    private String value(boolean string, boolean number) {
        if (hasNext) {
            return "Expected separator between values";
        }
        hasNext = true;
        nextIsString = string;
        nextIsNumber = number;
        return null;
    }

    private String structure(char ch) {
        return switch (ch) {
            case '[', '{' -> open(ch == '[' ? Frame.ARRAY : Frame.OBJECT);
            case ':' -> colon();
            case ',' -> comma();
            case ']' -> closeArray();
            default -> closeObject();
        };
    }

    private String open(Frame frame) {
        if (stack.size() >= MAX_STACK) {
            return "Exceeds depth limit for parsing";
        }
        if (hasNext) {
            return "Expected separator between values";
        }
        push(frame);
        return null;
    }

    private String colon() {
        if (stack.peek() != Frame.OBJECT) {
            return "':' not as part of an object";
        }
        if (!hasNext) {
            return "Expected string key before ':'";
        }
        if (!nextIsString) {
            return "Object keys must be strings";
        }
        push(Frame.KEY);
        hasNext = false;
        return null;
    }

    private String comma() {
        if (!hasNext) {
            return "Expected value before ','";
        }
        if (stack.isEmpty()) {
            return "',' not as part of an object or array";
        }
        if (stack.peek() == Frame.OBJECT) {
            return "Objects must consist of key:value pairs";
        }
        completeMember();
        hasNext = false;
        return null;
    }

    private String closeArray() {
        if (stack.peek() != Frame.ARRAY) {
            return "Unmatched ']'";
        }
        if (hasNext) {
            completeMember();
        } else if (sizes.peek() != 0) {
            return "Expected another array element";
        }
        return close();
    }

    private String closeObject() {
        if (stack.isEmpty()) {
            return "Unmatched '}'";
        }
        if (hasNext) {
            if (stack.peek() != Frame.KEY) {
                return "Objects must consist of key:value pairs";
            }
            completeMember();
        } else if (stack.peek() != Frame.OBJECT) {
            return "Unmatched '}'";
        } else if (sizes.peek() != 0) {
            return "Expected another key-value pair";
        }
        return close();
    }

    /** The pending value joins the open array, or ends the pending key's member of the open object. */
    private void completeMember() {
        if (stack.peek() == Frame.KEY) {
            stack.pop();
            sizes.pop();
        }
        sizes.push(sizes.pop() + 1);
    }

    private String close() {
        stack.pop();
        sizes.pop();
        hasNext = true;
        nextIsString = false;
        nextIsNumber = false;
        return null;
    }

    private void push(Frame frame) {
        stack.push(frame);
        sizes.push(0);
    }

    private static boolean isWhitespace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
    }

    private static boolean isStructure(char ch) {
        return ch == '[' || ch == '{' || ch == ':' || ch == ',' || ch == ']' || ch == '}';
    }
}
