package dev.portolan.ui.web;

import io.javalin.http.Context;

/**
 * What the layout around every page needs: the page title, the navigation section it belongs to,
 * and who is signed in (null on the sign-in page).
 */
public record Frame(String title, Section section, SignedIn user) {

    /** The frame of a page shown to the signed-in user of this request. */
    public static Frame of(Context ctx, String title, Section section) {
        return new Frame(title, section, UiRoutes.signedIn(ctx));
    }

    public boolean isAdmin() {
        return user != null && user.isAdmin();
    }

    public String csrfToken() {
        return user == null ? "" : user.csrfToken();
    }

    /** The {@code hx-headers} value that makes every htmx request carry the CSRF token. */
    public String htmxHeaders() {
        return "{\"X-CSRF-Token\": \"" + csrfToken() + "\"}";
    }
}
