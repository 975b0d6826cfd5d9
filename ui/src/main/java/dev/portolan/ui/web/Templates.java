package dev.portolan.ui.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

import java.util.Map;

/**
 * Renders the jte templates of {@code ui/src/main/jte}, compiled to Java at build time by the
 * jte Maven plugin (package {@code dev.portolan.ui.templates}). Templates are HTML-typed: every
 * {@code ${...}} is escaped for where it stands (text, attribute, URL), so data can never become
 * markup. Thread-safe.
 */
public final class Templates {

    private final TemplateEngine engine =
            TemplateEngine.createPrecompiled(null, ContentType.Html, null, "dev.portolan.ui.templates");

    /** Renders a page template, which takes the layout's {@link Frame} and its own view model. */
    public void page(Context ctx, String template, Frame frame, Object view) {
        render(ctx, template, Map.of("frame", frame, "view", view));
    }

    /** Renders a template with the given parameters as the response (HTML). */
    public void render(Context ctx, String template, Map<String, Object> params) {
        ctx.contentType("text/html; charset=utf-8").result(html(template, params));
    }

    /** Renders a template to HTML text (e.g. a partial sent as a server-sent event). */
    public String html(String template, Map<String, Object> params) {
        TemplateOutput output = new StringOutput(8192);
        engine.render(template, params, output);
        return output.toString();
    }
}
