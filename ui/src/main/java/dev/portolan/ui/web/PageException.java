package dev.portolan.ui.web;

/**
 * A refusal decided by the UI layer (not found, not allowed, expired form), shown as an error page
 * with {@code status} and a message a person can act on. Catalog refusals stay
 * {@link dev.portolan.catalog.CatalogException}s and are shown the same way.
 */
public final class PageException extends RuntimeException {

    private final int status;

    public PageException(int status, String message) {
        super(message);
        this.status = status;
    }

    public static PageException notFound(String message) {
        return new PageException(404, message);
    }

    public static PageException forbidden(String message) {
        return new PageException(403, message);
    }

    public static PageException badRequest(String message) {
        return new PageException(400, message);
    }

    public int status() {
        return status;
    }
}
