package dev.portolan.sync.spi;

/**
 * The source could not be read. {@code retriable} says whether trying again later may help
 * (a timeout, a 5xx, a rate limit) or whether a person has to fix something first (bad
 * credentials, a missing repository).
 */
public class FetchException extends Exception {

    private final boolean retriable;

    public FetchException(String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    public FetchException(String message, boolean retriable) {
        this(message, retriable, null);
    }

    public boolean retriable() {
        return retriable;
    }
}
