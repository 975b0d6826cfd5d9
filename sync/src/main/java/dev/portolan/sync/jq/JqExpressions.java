package dev.portolan.sync.jq;

/** Compile checks for mapping validation. */
public final class JqExpressions {

    private JqExpressions() {}

    /** @return jq's message when {@code expression} does not compile, or null when it does */
    public static String compileError(String expression) {
        try {
            PortolanJqEngine.INSTANCE.compile(expression);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
