package dev.portolan.ui.web;

import dev.portolan.catalog.CatalogException;

/** Status codes and headings of the error page: the API's statuses, in words a person reads. */
final class ErrorTexts {

    private ErrorTexts() {}

    static int status(CatalogException.Problem problem) {
        return switch (problem) {
            case MALFORMED -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case INVALID -> 422;
        };
    }

    static String heading(int status) {
        return switch (status) {
            case 400 -> "That request was not understood";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "That conflicts with what is stored";
            case 413 -> "That is too large";
            case 422 -> "That is not valid";
            default -> "Something went wrong";
        };
    }
}
