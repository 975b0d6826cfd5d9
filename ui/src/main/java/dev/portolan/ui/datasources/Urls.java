package dev.portolan.ui.datasources;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Links that carry a page's state in their query. */
final class Urls {

    private Urls() {}

    /** {@code path?name=value&...} with every value encoded; just {@code path} without parameters. */
    static String with(String path, List<String[]> params) {
        StringBuilder url = new StringBuilder(path);
        char separator = '?';
        for (String[] p : params) {
            url.append(separator).append(p[0]).append('=').append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }
}
