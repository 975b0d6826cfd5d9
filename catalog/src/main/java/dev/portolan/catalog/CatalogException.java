package dev.portolan.catalog;

import java.util.List;

/**
 * A request the catalog refuses, with what is wrong in words a user can act on. The server maps
 * {@link Problem} to an HTTP status in exactly one place; the catalog knows nothing of HTTP.
 *
 * @see Violation for the per-path details of {@link Problem#INVALID}
 */
public class CatalogException extends RuntimeException {

    /** What kind of refusal this is; decides the HTTP status. */
    public enum Problem {
        /** The request itself is malformed (bad JSON shape, unknown parameter value): 400. */
        MALFORMED(400),
        /** Something named does not exist: 404. */
        NOT_FOUND(404),
        /** It conflicts with what is stored (exists already, still referenced): 409. */
        CONFLICT(409),
        /** Well-formed, but breaks the blueprint or a catalog rule: 422. */
        INVALID(422),
        /** Too large: 413. */
        TOO_LARGE(413);

        private final int httpStatus;

        Problem(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /** The HTTP status the API answers with, and the UI's error page shows. */
        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Problem problem;
    private final String error;
    private final List<Violation> violations;

    public CatalogException(Problem problem, String error, String message) {
        this(problem, error, message, List.of());
    }

    public CatalogException(Problem problem, String error, String message, List<Violation> violations) {
        super(message);
        this.problem = problem;
        this.error = error;
        this.violations = List.copyOf(violations);
    }

    public static CatalogException notFound(String what, String identifier) {
        return new CatalogException(Problem.NOT_FOUND, "not_found",
                what + " with identifier \"" + identifier + "\" was not found");
    }

    public static CatalogException conflict(String error, String message) {
        return new CatalogException(Problem.CONFLICT, error, message);
    }

    public static CatalogException malformed(String message) {
        return new CatalogException(Problem.MALFORMED, "invalid_request", message);
    }

    /** 422 with every violation found; the message lists them all. */
    public static CatalogException invalid(String error, String subject, List<Violation> violations) {
        return new CatalogException(Problem.INVALID, error, describe(subject, violations), violations);
    }

    /** 400 for a request whose shape is wrong, with every violation found. */
    public static CatalogException malformed(String error, String subject, List<Violation> violations) {
        return new CatalogException(Problem.MALFORMED, error, describe(subject, violations), violations);
    }

    private static String describe(String subject, List<Violation> violations) {
        StringBuilder message = new StringBuilder(subject).append(" is invalid: ");
        for (int i = 0; i < violations.size(); i++) {
            message.append(i == 0 ? "" : "; ").append(violations.get(i));
        }
        return message.toString();
    }

    public Problem problem() {
        return problem;
    }

    /** Port's machine-readable error code, e.g. {@code not_found}, {@code identifier_taken}. */
    public String error() {
        return error;
    }

    public List<Violation> violations() {
        return violations;
    }
}
