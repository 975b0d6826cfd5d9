package dev.portolan.jq.parse;

/** A syntax error at a source offset; {@link JqParser} turns it into a compile exception. */
final class ParseError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int pos;

    ParseError(String message, int pos) {
        super(message, null, false, false);
        this.pos = pos;
    }
}
