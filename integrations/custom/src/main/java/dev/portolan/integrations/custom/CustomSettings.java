package dev.portolan.integrations.custom;

import dev.portolan.sync.files.FileFolders;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.integration.SecretUrls;
import dev.portolan.sync.jq.JqExpressions;
import dev.portolan.sync.settings.SettingDefinition;
import dev.portolan.sync.settings.SettingType;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.settings.SettingsDefinition;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The custom integration's one setting, {@code kinds}: kind name → where and how to read it. Every
 * problem is reported at once, keyed {@code settings.kinds.<kind>.<key>}.
 */
final class CustomSettings {

    /** The shape of the settings, without checking where files are (that is {@link #definition(FileFolders)}'s and the fetch's). */
    static final SettingsDefinition DEFINITION = definition(null);

    /** The settings, with every {@code file:} URL checked against {@code fileFolders} (not at all when null). */
    static SettingsDefinition definition(FileFolders fileFolders) {
        return SettingsDefinition.builder()
                .add(new SettingDefinition("kinds", SettingType.OBJECT, true, null, false,
                        "the kinds to fetch: kind name -> {url, itemsPath, nextPath, cursorParam, headers, timeoutSeconds, secretQueryParams}",
                        (path, kinds, problems) -> {
                            validateKinds(path, kinds, problems);
                            if (fileFolders != null) checkFileFolders(path, kinds, fileFolders, problems);
                        }).withSecretPaths("*.headers.*").withSecretParamLists("*.secretQueryParams"))
                .build();
    }

    private static void checkFileFolders(String path, JsonNode kinds, FileFolders fileFolders, List<Violation> problems) {
        kinds.properties().forEach(kind -> {
            String url = kind.getValue().path("url").asText("");
            if (!url.regionMatches(true, 0, "file:", 0, 5)) return;
            try {
                String problem = fileFolders.problem(Path.of(new URI(url)));
                if (problem != null) problems.add(new Violation(path + "." + kind.getKey() + ".url", problem));
            } catch (Exception invalid) {
                // validateUrl has said what is wrong with it
            }
        });
    }

    private static final Pattern KIND_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Headers the JDK's HTTP client sets itself and refuses to take from us. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final List<String> HTTP_ONLY = List.of("nextPath", "cursorParam", "headers", "timeoutSeconds", "secretQueryParams");

    private CustomSettings() {}

    /** The declared kinds, in declaration order. */
    static Map<String, CustomKind> kinds(Settings settings) {
        Map<String, CustomKind> kinds = new LinkedHashMap<>();
        JsonNode declared = settings.json("kinds");
        if (declared != null) declared.properties().forEach(k -> kinds.put(k.getKey(), CustomKind.from(k.getKey(), k.getValue())));
        return kinds;
    }

    static void validateKinds(String path, JsonNode kinds, List<Violation> problems) {
        if (kinds.isEmpty()) {
            problems.add(new Violation(path, "declares no kind; add one, e.g. {\"item\": {\"url\": \"https://api.example.com/items\"}}"));
        }
        kinds.properties().forEach(kind -> {
            String kindPath = path + "." + kind.getKey();
            if (!KIND_NAME.matcher(kind.getKey()).matches()) {
                problems.add(new Violation(kindPath, "'" + kind.getKey() + "' is not a valid kind name: use letters, digits, _ and -"));
            }
            if (kind.getValue().isObject()) validateKind(kindPath, kind.getValue(), problems);
            else problems.add(new Violation(kindPath, "must be an object with at least a url, got " + kind.getValue()));
        });
    }

    private static void validateKind(String path, JsonNode kind, List<Violation> problems) {
        kind.properties().forEach(e -> {
            if (!CustomKind.KEYS.contains(e.getKey())) {
                problems.add(new Violation(path + "." + e.getKey(), "unknown key; a kind takes: " + String.join(", ", CustomKind.KEYS)));
            }
        });
        Set<String> secretParams = secretParams(path + ".secretQueryParams", kind.get("secretQueryParams"), problems);
        URI url = validateUrl(path + ".url", kind.get("url"), secretParams, problems);
        jq(path + ".itemsPath", kind.get("itemsPath"), problems);
        jq(path + ".nextPath", kind.get("nextPath"), problems);
        JsonNode cursorParam = kind.get("cursorParam");
        if (cursorParam != null && !(cursorParam.isTextual() && !cursorParam.asText().isBlank())) {
            problems.add(new Violation(path + ".cursorParam", "must be a query parameter name such as \"cursor\" or \"page\", got " + cursorParam));
        }
        JsonNode timeout = kind.get("timeoutSeconds");
        if (timeout != null && !(timeout.canConvertToExactIntegral() && timeout.asInt() >= 1 && timeout.asInt() <= 600)) {
            problems.add(new Violation(path + ".timeoutSeconds", "must be a whole number of seconds from 1 to 600, got " + timeout));
        }
        validateHeaders(path + ".headers", kind.get("headers"), problems);
        if (url != null && "file".equalsIgnoreCase(url.getScheme())) {
            for (String key : HTTP_ONLY) {
                if (kind.has(key)) problems.add(new Violation(path + "." + key, "applies to http(s) URLs only; a file is paged by itself"));
            }
        }
    }

    private static Set<String> secretParams(String path, JsonNode value, List<Violation> problems) {
        Set<String> names = new java.util.HashSet<>();
        if (value == null || value.isNull()) return names;
        if (!value.isArray()) {
            problems.add(new Violation(path, "must be a list of query parameter names, e.g. [\"sig\", \"tenant_code\"]"));
            return names;
        }
        value.forEach(name -> {
            if (name.isTextual() && !name.asText().isBlank()) names.add(name.asText());
            else problems.add(new Violation(path, "must hold query parameter names (strings), got " + name));
        });
        return names;
    }

    private static URI validateUrl(String path, JsonNode value, Set<String> secretParams, List<Violation> problems) {
        if (value == null || value.isNull()) {
            problems.add(new Violation(path, "is required: the http(s) URL of the first page, or a file: URL"));
            return null;
        }
        if (!value.isTextual()) {
            problems.add(new Violation(path, "must be a URL string, got " + value));
            return null;
        }
        String problem = null;
        URI url = null;
        try {
            url = new URI(value.asText());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            switch (scheme) {
                case "http", "https" -> { if (url.getHost() == null) problem = "has no host"; }
                case "file" -> Path.of(url);
                default -> problem = "must start with http://, https:// or file:";
            }
        } catch (Exception e) {
            problem = "is not a valid URL (" + SecretUrls.redact(e.getMessage(), secretParams) + "); a file needs an absolute path, like file:///var/data/services.json";
        }
        if (problem == null) return url;
        problems.add(new Violation(path, "'" + SecretUrls.redact(value.asText(), secretParams) + "' " + problem));
        return null;
    }

    private static void jq(String path, JsonNode value, List<Violation> problems) {
        if (value == null || value.isNull()) return;
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(new Violation(path, "must be a jq expression, got " + value));
            return;
        }
        String error;
        try {
            error = JqExpressions.compileError(value.asText());
        } catch (RuntimeException e) { // a parser bug must not turn a user's typo into a server error
            error = "it cannot be compiled (" + e + ")";
        }
        if (error != null) problems.add(new Violation(path, "'" + value.asText() + "' is not valid jq: " + error));
    }

    private static void validateHeaders(String path, JsonNode headers, List<Violation> problems) {
        if (headers == null || headers.isNull()) return;
        if (!headers.isObject()) {
            problems.add(new Violation(path, "must be an object of header name -> value, e.g. {\"Authorization\": \"Bearer ...\"}"));
            return;
        }
        headers.properties().forEach(h -> {
            String name = h.getKey();
            if (!HEADER_NAME.matcher(name).matches() || RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                problems.add(new Violation(path + "." + name, "'" + name + "' cannot be sent as a header"));
            }
            // The value is a secret: say what is wrong with it without repeating it.
            if (!h.getValue().isTextual()) problems.add(new Violation(path + "." + name, "must be a string"));
            else if (h.getValue().asText().contains("\n") || h.getValue().asText().contains("\r")) {
                problems.add(new Violation(path + "." + name, "must be on one line"));
            }
        });
    }
}
