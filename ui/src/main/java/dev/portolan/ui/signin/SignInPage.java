package dev.portolan.ui.signin;

import dev.portolan.catalog.access.AccessService;
import dev.portolan.catalog.access.Credential;
import dev.portolan.ui.web.Cookies;
import dev.portolan.ui.web.Frame;
import dev.portolan.ui.web.Section;
import dev.portolan.ui.web.SessionCookie;
import dev.portolan.ui.web.Templates;
import dev.portolan.ui.web.UiRoutes;
import io.javalin.http.Context;

import java.time.Duration;
import java.util.Optional;

/**
 * Signing in with an API credential (client id and secret, as for {@code POST /v1/auth/access_token})
 * and signing out. Before there is a session, the sign-in form is protected against cross-site posts
 * by a double-submit token: a random value both in a cookie and in the form.
 */
public final class SignInPage {

    private static final String FORM_COOKIE = "portolan_signin";

    private final AccessService access;
    private final SessionCookie sessions;
    private final Templates templates;
    private final UiRoutes routes;
    private final SignInThrottle throttle;

    public SignInPage(AccessService access, SessionCookie sessions, Templates templates, UiRoutes routes, SignInThrottle throttle) {
        this.access = access;
        this.throttle = throttle;
        this.sessions = sessions;
        this.templates = templates;
        this.routes = routes;
    }

    public void register() {
        routes.publicGet("/signin", this::show);
        routes.publicPost("/signin", this::signIn);
        routes.post("/signout", this::signOut);
    }

    private void show(Context ctx) {
        String next = safeNext(ctx.queryParam("next"));
        if (routes.currentUser(ctx).isPresent()) {
            ctx.redirect(next);
            return;
        }
        render(ctx, new SignInView("", next, null, newFormToken(ctx)));
    }

    private void signIn(Context ctx) {
        String clientId = Optional.ofNullable(ctx.formParam("clientId")).orElse("").trim();
        String secret = Optional.ofNullable(ctx.formParam("clientSecret")).orElse("");
        String next = safeNext(ctx.formParam("next"));
        if (!SessionCookie.sameToken(ctx.cookie(FORM_COOKIE), ctx.formParam(UiRoutes.CSRF_FIELD))) {
            ctx.status(403);
            render(ctx, new SignInView(clientId, next, "This sign-in form has expired. Please try again.", newFormToken(ctx)));
            return;
        }
        String address = ctx.ip();
        Optional<Duration> wait = throttle.retryAfter(clientId, address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            ctx.status(429).header("Retry-After", Long.toString(seconds));
            render(ctx, new SignInView(clientId, next, "Too many failed attempts for this client id or from this address; "
                    + "try again in " + seconds + " s.", newFormToken(ctx)));
            return;
        }
        Optional<Credential> credential = clientId.isEmpty() ? Optional.empty() : access.authenticate(clientId, secret);
        if (credential.isEmpty()) {
            throttle.failed(clientId, address);
            ctx.status(401);
            render(ctx, new SignInView(clientId, next, "Unknown client id or wrong client secret.", newFormToken(ctx)));
            return;
        }
        throttle.succeeded(clientId);
        Cookies.clear(ctx, FORM_COOKIE);
        Cookies.set(ctx, SessionCookie.NAME, sessions.issue(credential.get().clientId(), credential.get().version()), sessions.lifetime());
        ctx.redirect(next);
    }

    private void signOut(Context ctx) {
        Cookies.clear(ctx, SessionCookie.NAME);
        ctx.redirect("/signin");
    }

    private void render(Context ctx, SignInView view) {
        int status = ctx.status().getCode();
        templates.page(ctx, "signin.jte", new Frame("Sign in", Section.NONE, null), view);
        ctx.status(status);
    }

    private static String newFormToken(Context ctx) {
        String token = SessionCookie.randomToken();
        Cookies.set(ctx, FORM_COOKIE, token, Duration.ofHours(1));
        return token;
    }

    /** Where to go after signing in: a path on this server only, never another site. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
        return next;
    }
}
