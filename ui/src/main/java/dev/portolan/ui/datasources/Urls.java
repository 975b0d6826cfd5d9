package dev.portolan.ui.datasources;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Links that carry a page's state in their query: {@code Urls.to(path).param("level", level)...}.
 * A null or empty value leaves its parameter out.
 */
final class Urls {

    private final StringBuilder url;
    private char separator = '?';

    private Urls(String path) {
        this.url = new StringBuilder(path);
    }

    static Urls to(String path) {
        return new Urls(path);
    }

    /** Adds {@code name=value} (encoded) unless the value is null or empty. */
    Urls param(String name, String value) {
        if (value == null || value.isEmpty()) return this;
        url.append(separator).append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        separator = '&';
        return this;
    }

    /** {@code value} when {@code name} is the parameter being changed, else {@code current}. */
    static String changed(String changing, String name, String value, String current) {
        return changing.equals(name) ? value : current;
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
