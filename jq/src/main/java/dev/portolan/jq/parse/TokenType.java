package dev.portolan.jq.parse;

/** Kinds of tokens of the jq language. */
public enum TokenType {
    IDENT, FIELD, VAR, KEYWORD, NUMBER, STRING, FORMAT, OP, INVALID, EOF
}
