package dev.portolan.server.api;

/**
 * A refusal decided by the HTTP layer itself (authentication, roles, request limits, malformed
 * requests), carrying its status. Catalog refusals are {@link dev.portolan.catalog.CatalogException}s;
 * both become the same error body in {@link ApiErrors}.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String error;

    public ApiException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "invalid_request", message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
