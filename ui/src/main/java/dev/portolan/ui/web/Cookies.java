package dev.portolan.ui.web;

import io.javalin.http.Context;

import java.time.Duration;
import java.util.Locale;

/**
 * Sets the UI's cookies with the attributes they must always have: HttpOnly, SameSite=Lax,
 * Path=/, and Secure whenever the browser reached us over https (directly or through a proxy that
 * says so in {@code X-Forwarded-Proto}).
 */
public final class Cookies {

    private Cookies() {}

    /** @param maxAge null for a cookie that ends with the browser session */
    public static void set(Context ctx, String name, String value, Duration maxAge) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value)
                .append("; Path=/; HttpOnly; SameSite=Lax");
        if (maxAge != null) cookie.append("; Max-Age=").append(maxAge.toSeconds());
        if (isHttps(ctx)) cookie.append("; Secure");
        ctx.res().addHeader("Set-Cookie", cookie.toString());
    }

    public static void clear(Context ctx, String name) {
        set(ctx, name, "", Duration.ZERO);
    }

    public static boolean isHttps(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-Proto");
        if (forwarded != null) return forwarded.trim().toLowerCase(Locale.ROOT).startsWith("https");
        return ctx.req().isSecure();
    }
}
