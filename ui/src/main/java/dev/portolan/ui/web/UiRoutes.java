package dev.portolan.ui.web;

import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.access.AccessService;
import dev.portolan.catalog.access.Credential;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Registers UI routes and puts every one of them behind the same gate, in this order: security
 * headers; the session (no session: to the sign-in page); the CSRF token on every state-changing
 * request; then the page handler; failures become an error page here and nowhere else.
 *
 * <p>Page handlers get the signed-in user with {@link #signedIn(Context)} and demand the admin
 * role with {@link #requireAdmin(Context)}.
 */
public final class UiRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(UiRoutes.class);
    private static final String SIGNED_IN = "portolan.ui.signedIn";
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final RoutesConfig routes;
    private final SessionCookie sessions;
    private final AccessService access;
    private final Templates templates;

    public UiRoutes(RoutesConfig routes, SessionCookie sessions, AccessService access, Templates templates) {
        this.routes = routes;
        this.sessions = sessions;
        this.access = access;
        this.templates = templates;
    }

    public void get(String path, Handler page) {
        routes.get(path, ctx -> guarded(ctx, page, false));
    }

    /** A state-changing route: refused unless the request carries the session's CSRF token. */
    public void post(String path, Handler page) {
        routes.post(path, ctx -> guarded(ctx, page, true));
    }

    /** A route anyone may open (the sign-in page); the page does its own CSRF check. */
    public void publicGet(String path, Handler page) {
        routes.get(path, ctx -> open(ctx, page));
    }

    public void publicPost(String path, Handler page) {
        routes.post(path, ctx -> open(ctx, page));
    }

    /**
     * A browser that opens a path nothing answers gets the error page in the UI's layout (signed in or
     * not); API paths under {@code /v1}, and clients that do not ask for HTML, keep the API's JSON 404.
     * Javalin runs every 404 mapper whose content type matches; this one leaves alone a 404 that a page
     * already rendered (its own error page) and replaces the API's JSON "no route".
     */
    public void notFoundPage() {
        routes.error(404, "html", ctx -> {
            if (ctx.path().equals("/v1") || ctx.path().startsWith("/v1/")) return;
            String rendered = ctx.result();
            boolean pageRendered = rendered != null && !rendered.isEmpty() && !String.valueOf(ctx.res().getContentType()).startsWith("application/json");
            if (pageRendered) return;
            SecurityHeaders.apply(ctx);
            ErrorView view = new ErrorView(404, ErrorTexts.heading(404), "There is no page at " + ctx.path()
                    + ". It may have moved, or the link that led here is wrong.");
            templates.page(ctx, "error.jte", new Frame(view.heading(), Section.NONE, currentUser(ctx).orElse(null)), view);
            ctx.status(404);
        });
    }

    /** The signed-in user of a guarded request. */
    public static SignedIn signedIn(Context ctx) {
        SignedIn user = ctx.attribute(SIGNED_IN);
        if (user == null) throw new IllegalStateException("signedIn() on a route that is not guarded: " + ctx.path());
        return user;
    }

    /** The signed-in user, who must be an admin: members get a 403 page even when they forge the request. */
    public static SignedIn requireAdmin(Context ctx) {
        SignedIn user = signedIn(ctx);
        if (!user.isAdmin()) {
            throw PageException.forbidden("This needs the admin role; you are signed in as '" + user.clientId() + "', a member.");
        }
        return user;
    }

    /**
     * True when htmx made the request, so a partial, not a whole page, is wanted (except when htmx
     * restores a page of its history: then it needs the whole page).
     */
    public static boolean isHtmx(Context ctx) {
        return "true".equals(ctx.header("HX-Request")) && !"true".equals(ctx.header("HX-History-Restore-Request"));
    }

    /** The user behind a session cookie, when it is valid and the very credential it was issued for still exists. */
    public Optional<SignedIn> currentUser(Context ctx) {
        return sessions.verify(ctx.cookie(SessionCookie.NAME)).flatMap(session -> {
            Optional<Credential> credential = access.findCredential(session.clientId())
                    .filter(c -> c.version().equals(session.credentialVersion()));
            return credential.map(c -> new SignedIn(c.clientId(), c.role(), sessions.csrfToken(session)));
        });
    }

    private void guarded(Context ctx, Handler page, boolean stateChanging) {
        SecurityHeaders.apply(ctx);
        Optional<SignedIn> user = currentUser(ctx);
        if (user.isEmpty()) {
            toSignIn(ctx);
            return;
        }
        ctx.attribute(SIGNED_IN, user.get());
        try {
            if (stateChanging && !hasCsrfToken(ctx, user.get().csrfToken())) {
                throw PageException.forbidden("This form did not come from this Portolan page, or your session changed since it was "
                        + "opened. Nothing was changed; reload the page and try again.");
            }
            page.handle(ctx);
        } catch (Exception e) {
            showError(ctx, e);
        }
    }

    private void open(Context ctx, Handler page) {
        SecurityHeaders.apply(ctx);
        try {
            page.handle(ctx);
        } catch (Exception e) {
            showError(ctx, e);
        }
    }

    private static boolean hasCsrfToken(Context ctx, String expected) {
        String given = ctx.header(CSRF_HEADER);
        if (given == null) given = ctx.formParam(CSRF_FIELD);
        return SessionCookie.sameToken(expected, given);
    }

    private static void toSignIn(Context ctx) {
        String next = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
        String target = "/signin?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        if (isHtmx(ctx)) {
            ctx.header("HX-Redirect", target).status(204);
        } else if (ctx.method().name().equals("GET")) {
            ctx.redirect(target);
        } else {
            ctx.status(401);
            ctx.contentType("text/plain").result("Your session has ended; sign in again.");
        }
    }

    /** The one place where a failure on a UI route becomes what the browser shows. */
    private void showError(Context ctx, Exception e) {
        int status;
        String message;
        if (e instanceof PageException p) {
            status = p.status();
            message = p.getMessage();
        } else if (e instanceof CatalogException c) {
            status = c.problem().httpStatus();
            message = c.getMessage();
        } else {
            LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            status = 500;
            message = "Something went wrong on the server; the server log has the details.";
        }
        ErrorView view = new ErrorView(status, ErrorTexts.heading(status), message);
        SignedIn user = ctx.attribute(SIGNED_IN);
        ctx.status(status);
        if (isHtmx(ctx)) {
            templates.render(ctx, "error_partial.jte", Map.of("view", view));
            // A refused htmx request still shows its message where the page expects it.
            ctx.header("HX-Retarget", "#flash").header("HX-Reswap", "innerHTML");
        } else {
            templates.page(ctx, "error.jte", new Frame(view.heading(), Section.NONE, user), view);
        }
        ctx.status(status);
    }
}
