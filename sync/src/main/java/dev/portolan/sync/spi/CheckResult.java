package dev.portolan.sync.spi;

/** The outcome of {@link Integration#check}: a status and a message a person can act on. */
public record CheckResult(boolean ok, String message) {

    public static CheckResult ok(String message) {
        return new CheckResult(true, message);
    }

    public static CheckResult failed(String message) {
        return new CheckResult(false, message);
    }
}
