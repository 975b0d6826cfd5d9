package dev.portolan.sync.client;

/**
 * The remote catalog could not be used. {@link #retriable()} says whether trying again later may
 * help (it was unreachable, overloaded or failing) or whether a person has to fix something
 * first (a refused credential, a missing permission, a request it will never accept).
 *
 * @see CatalogApi
 */
public final class CatalogApiException extends RuntimeException {

    private final int status;
    private final String error;
    private final boolean retriable;

    /**
     * @param status the HTTP status, or 0 when no response came
     * @param error  the catalog's error code ({@code not_found}, ...), or a code of ours ({@code unreachable})
     */
    public CatalogApiException(int status, String error, String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.error = error;
        this.retriable = retriable;
    }

    /** A response the caller cannot use, with the catalog's own message. */
    public static CatalogApiException of(String what, CatalogResponse response) {
        boolean retriable = response.status() == 429 || response.status() >= 500;
        return new CatalogApiException(response.status(), response.error(),
                what + " failed: HTTP " + response.status() + " " + response.error() + ": " + response.message(), retriable, null);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public boolean retriable() {
        return retriable;
    }
}
