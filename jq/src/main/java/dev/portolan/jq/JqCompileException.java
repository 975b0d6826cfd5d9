package dev.portolan.jq;

/**
 * A program that does not compile: a syntax error, or an unknown function or variable.
 *
 * <p>{@link #getMessage()} reads like jq's: the reason, {@code at <top-level>, line L, column C:},
 * then the offending source line and a caret line under the position.
 */
public final class JqCompileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final int line;
    private final int column;

    public JqCompileException(String reason, int line, int column, String sourceLine) {
        super(reason + (reason.startsWith("syntax error") ? " (Unix shell quoting issues?)" : "")
                + " at <top-level>, line " + line + ", column " + column + ":\n    "
                + sourceLine + "\n    " + " ".repeat(Math.max(0, column - 1)) + "^");
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    /** The reason alone, e.g. {@code foo/0 is not defined}. */
    public String reason() {
        return reason;
    }

    /** 1-based line of the error. */
    public int line() {
        return line;
    }

    /** 1-based column of the error. */
    public int column() {
        return column;
    }
}
