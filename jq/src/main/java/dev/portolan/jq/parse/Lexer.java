package dev.portolan.jq.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits jq source into tokens; string interpolations are lexed recursively into token lists.
 *
 * <p>With {@code singleQuotes}, {@code 'text'} outside a double-quoted string is a string literal
 * with the same escapes and interpolation as {@code "text"} (plus {@code \'}; a {@code "} inside
 * stands for itself). Port rewrites such quotes to {@code "} before running jq, so every mapping
 * Port accepts means the same here; a {@code '} inside a double-quoted string is never touched.
 */
final class Lexer {
    static final Set<String> KEYWORDS = Set.of("def", "if", "then", "elif", "else", "end", "as", "reduce",
            "foreach", "try", "catch", "label", "import", "include", "and", "or", "__loc__");
    private static final String[] OPERATORS = {"?//=", "?//", "//=", "|=", "+=", "-=", "*=", "/=", "%=", "==",
        "!=", "<=", ">=", "//", "..", ".", "[", "]", "{", "}", "(", ")", "|", ",", ":", ";", "=", "<", ">", "+",
        "-", "*", "/", "%", "?"};

    private final String src;
    private final boolean singleQuotes;
    private int pos;

    Lexer(String src, boolean singleQuotes) {
        this.src = src;
        this.singleQuotes = singleQuotes;
    }

    List<Token> tokenize() {
        List<Token> tokens = lexUntil(false);
        return tokens;
    }

    /** Lexes to the end, or (inside an interpolation) to the parenthesis that closes it. */
    private List<Token> lexUntil(boolean interpolation) {
        List<Token> out = new ArrayList<>();
        int depth = 0;
        int brackets = 0;
        while (true) {
            skipSpaceAndComments();
            if (pos >= src.length()) {
                if (interpolation) {
                    throw new ParseError("unterminated string interpolation", pos);
                }
                out.add(new Token(TokenType.EOF, "", pos, null));
                return out;
            }
            char c = src.charAt(pos);
            if (interpolation && c == ')' && depth == 0) {
                out.add(new Token(TokenType.EOF, "", pos, null));
                pos++;
                return out;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == '(' || c == '[' || c == '{') {
                brackets++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (brackets == 0) {
                    // Like jq's lexer: a closing bracket that closes nothing is no token at all.
                    out.add(new Token(TokenType.INVALID, String.valueOf(c), pos++, null));
                    continue;
                }
                brackets--;
            }
            out.add(next());
        }
    }

    private void skipSpaceAndComments() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '#') {
                skipComment();
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    /** A comment runs to the end of the line; as in jq 1.7+, an odd number of backslashes before the newline continues it. */
    private void skipComment() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                int backslashes = 0;
                for (int i = pos - 1; i >= 0 && src.charAt(i) == '\\'; i--) {
                    backslashes++;
                }
                if (backslashes % 2 == 0) {
                    return;
                }
            }
            pos++;
        }
    }

    private static boolean identStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean identPart(char c) {
        return identStart(c) || (c >= '0' && c <= '9');
    }

    private Token next() {
        int start = pos;
        char c = src.charAt(pos);
        if (c == '"' || (c == '\'' && singleQuotes)) {
            pos++;
            return new Token(TokenType.STRING, "", start, string(c));
        }
        if (c == '.' && pos + 1 < src.length() && identStart(src.charAt(pos + 1))) {
            pos++;
            return new Token(TokenType.FIELD, ident(), start, null);
        }
        if (c == '$' && pos + 1 < src.length() && identStart(src.charAt(pos + 1))) {
            pos++;
            return new Token(TokenType.VAR, ident(), start, null);
        }
        if (c == '@' && pos + 1 < src.length() && identStart(src.charAt(pos + 1))) {
            pos++;
            return new Token(TokenType.FORMAT, ident(), start, null);
        }
        if (identStart(c)) {
            String word = ident();
            return new Token(KEYWORDS.contains(word) ? TokenType.KEYWORD : TokenType.IDENT, word, start, null);
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
            return new Token(TokenType.NUMBER, number(), start, null);
        }
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                return new Token(TokenType.OP, op, start, null);
            }
        }
        throw new ParseError("syntax error, unexpected INVALID_CHARACTER", start);
    }

    private String ident() {
        int start = pos;
        while (true) {
            while (pos < src.length() && identPart(src.charAt(pos))) {
                pos++;
            }
            if (src.startsWith("::", pos) && pos + 2 < src.length() && identStart(src.charAt(pos + 2))) {
                pos += 2;
            } else {
                return src.substring(start, pos);
            }
        }
    }

    private String number() {
        int start = pos;
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            pos++;
        }
        if (pos < src.length() && src.charAt(pos) == '.') {
            pos++;
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                pos++;
            }
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        return src.substring(start, pos);
    }

    private List<Object> string(char quote) {
        List<Object> parts = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw new ParseError(quote == '"' ? "unterminated string literal" : "unterminated single-quoted string literal", pos);
            }
            char c = src.charAt(pos++);
            if (c == quote) {
                if (sb.length() > 0 || parts.isEmpty()) {
                    parts.add(sb.toString());
                }
                return parts;
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= src.length()) {
                throw new ParseError("unterminated string literal", pos);
            }
            char e = src.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case '\\', '/', '"' -> sb.append(e);
                case '\'' -> {
                    if (quote != '\'') {
                        throw new ParseError("Invalid escape at line 1, column 4 (while parsing '\"\\'\"')", pos - 2);
                    }
                    sb.append(e);
                }
                case 'u' -> sb.append(unicodeEscape());
                case '(' -> {
                    if (sb.length() > 0) {
                        parts.add(sb.toString());
                        sb.setLength(0);
                    }
                    parts.add(lexUntil(true));
                }
                // jq's wording: it parses the escape alone as the JSON text "\X".
                default -> throw new ParseError("Invalid escape at line 1, column 4 (while parsing '\"\\" + e + "\"')", pos - 2);
            }
        }
    }

    private char unicodeEscape() {
        if (pos + 4 > src.length()) {
            throw new ParseError("invalid \\u escape", pos);
        }
        try {
            char ch = (char) Integer.parseInt(src.substring(pos, pos + 4), 16);
            pos += 4;
            return ch;
        } catch (NumberFormatException ex) {
            throw new ParseError("invalid \\u escape", pos);
        }
    }
}
