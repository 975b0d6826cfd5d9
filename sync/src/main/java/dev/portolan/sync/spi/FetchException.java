package dev.portolan.sync.spi;

import dev.portolan.catalog.integration.SecretUrls;

/**
 * The source could not be read. {@code retriable} says whether trying again later may help
 * (a timeout, a 5xx, a rate limit) or whether a person has to fix something first (bad
 * credentials, a missing repository).
 */
public class FetchException extends Exception {

    private final boolean retriable;

    /** Credentials in URLs of {@code message} are redacted ({@link SecretUrls}): it is shown and logged. */
    public FetchException(String message, boolean retriable, Throwable cause) {
        super(SecretUrls.redact(message), cause);
        this.retriable = retriable;
    }

    public FetchException(String message, boolean retriable) {
        this(message, retriable, null);
    }

    public boolean retriable() {
        return retriable;
    }
}
