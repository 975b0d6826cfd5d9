package dev.portolan.jq.eval;

/** {@code break $label}: unwinds to the label evaluation identified by {@code label}. Stackless. */
final class BreakException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Object label;

    BreakException(Object label) {
        super(null, null, false, false);
        this.label = label;
    }
}
