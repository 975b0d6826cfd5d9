package dev.portolan.jq.parse;

import java.util.List;

/**
 * One token. {@code text} is the identifier, operator or keyword; for strings, {@code parts}
 * holds literal {@code String}s and {@code List<Token>} interpolations (each ending with EOF).
 */
public record Token(TokenType type, String text, int pos, List<Object> parts) {

    public boolean is(String s) {
        return (type == TokenType.OP || type == TokenType.KEYWORD) && text.equals(s);
    }

    public String describe() {
        return switch (type) {
            case EOF -> "end of file";
            case STRING -> "QQSTRING_START";
            case NUMBER -> "LITERAL";
            case IDENT -> "IDENT " + text;
            case FIELD -> "FIELD ." + text;
            case VAR -> "'$'";
            case FORMAT -> "FORMAT " + text;
            case INVALID -> "INVALID_CHARACTER";
            // jq's bison names a one-character token in quotes ('}') and a keyword or longer operator
            // bare ("unexpected as", "unexpected ==", "unexpected ?//"), as jq 1.8.2 prints them
            default -> text.length() == 1 ? "'" + text + "'" : text;
        };
    }
}
