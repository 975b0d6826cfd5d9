package dev.portolan.ui.web;

/** Headings of the error page: the API's statuses, in words a person reads. */
final class ErrorTexts {

    private ErrorTexts() {}

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
