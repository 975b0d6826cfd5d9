package dev.portolan.ui.web;

/** Paths of the static files every page loads (all served by this server). */
public final class Assets {

    /** Must match the htmx.org WebJar version in the parent pom. */
    public static final String HTMX_VERSION = "2.0.10";
    public static final String HTMX = "/webjars/htmx.org/" + HTMX_VERSION + "/dist/htmx.min.js";
    public static final String CSS = "/static/portolan.css";
    public static final String SCRIPT = "/static/portolan.js";

    private Assets() {}
}
