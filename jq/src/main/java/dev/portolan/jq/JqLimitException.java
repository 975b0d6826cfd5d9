package dev.portolan.jq;

/**
 * An evaluation stopped by the host: its deadline passed, its step budget ran out, it built more
 * than its allocation limit, or it was cancelled. {@code try ... catch} in the jq program cannot catch it.
 */
public final class JqLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the evaluation stopped. */
    public enum Reason { DEADLINE, STEP_BUDGET, CANCELLED, STACK_DEPTH, MEMORY }

    private final Reason reason;

    public JqLimitException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
