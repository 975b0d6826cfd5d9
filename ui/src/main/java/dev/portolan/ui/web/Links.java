package dev.portolan.ui.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Paths of the UI's pages, with identifiers encoded as path segments (templates call these too). */
public final class Links {

    private Links() {}

    public static String catalog(String blueprint) {
        return "/catalog/" + segment(blueprint);
    }

    public static String entity(String blueprint, String identifier) {
        return "/catalog/" + segment(blueprint) + "/entities/" + segment(identifier);
    }

    public static String blueprint(String blueprint) {
        return "/builder/" + segment(blueprint);
    }

    public static String datasource(String identifier) {
        return "/datasources/" + segment(identifier);
    }

    /** A path segment: everything but unreserved characters percent-encoded (a space as %20, not +). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A query-string value. */
    public static String param(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
