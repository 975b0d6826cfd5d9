package dev.portolan.integrations.custom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.integration.SecretUrls;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

/**
 * One kind declared in the settings ({@code settings.kinds.<name>}), already validated by
 * {@link CustomSettings}.
 *
 * @param itemsPath   jq to the array of objects in a page body; null when the body is that array (or JSON lines)
 * @param nextPath    jq to the next page's URL or cursor; null when only the {@code Link} header pages
 * @param cursorParam the query parameter a bare cursor from {@code nextPath} is sent as
 * @param headers     sent with every request (secrets: never log them)
 * @param secretQueryParams query parameters whose values are secrets, beyond those whose names look secret
 */
record CustomKind(String name, URI url, String itemsPath, String nextPath, String cursorParam,
                  Map<String, String> headers, Duration timeout, Set<String> secretQueryParams) {

    /** The keys a kind takes, in the order the docs list them. */
    static final List<String> KEYS = List.of("url", "itemsPath", "nextPath", "cursorParam", "headers", "timeoutSeconds",
            "secretQueryParams");
    static final String DEFAULT_CURSOR_PARAM = "cursor";
    static final int DEFAULT_TIMEOUT_SECONDS = 30;

    /** Reads a kind whose settings {@link CustomSettings} accepted. */
    static CustomKind from(String name, JsonNode settings) {
        Map<String, String> headers = new LinkedHashMap<>();
        settings.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
        Set<String> secretParams = new HashSet<>();
        settings.path("secretQueryParams").forEach(p -> secretParams.add(p.asText()));
        return new CustomKind(name, URI.create(settings.path("url").asText()), text(settings, "itemsPath"),
                text(settings, "nextPath"), settings.path("cursorParam").asText(DEFAULT_CURSOR_PARAM),
                Map.copyOf(headers), Duration.ofSeconds(settings.path("timeoutSeconds").asInt(DEFAULT_TIMEOUT_SECONDS)),
                Set.copyOf(secretParams));
    }

    /** {@code url} as messages and logs may show it: its credentials redacted. */
    String shown(URI url) {
        return SecretUrls.redact(url.toString(), secretQueryParams);
    }

    boolean isFile() {
        return "file".equalsIgnoreCase(url.getScheme());
    }

    /** Where this kind's settings are, for messages: {@code settings.kinds.services}. */
    String path() {
        return "settings.kinds." + name;
    }

    private static String text(JsonNode settings, String key) {
        JsonNode value = settings.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }
}
