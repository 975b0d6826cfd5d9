package dev.portolan.catalog.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one redaction of credentials in URLs, applied wherever a URL may be shown or logged (API
 * answers, sync reports and event logs, the server log): in every URL of a text, the userinfo
 * ({@code https://user:token@host}) and the values of query (and fragment) parameters whose names
 * look secret ({@code api_key}, {@code access_token}, {@code X-Amz-Signature}, ...) or that a
 * setting marked secret become {@link #MASK}. Pure and thread-safe.
 */
public final class SecretUrls {

    public static final String MASK = "********";

    /** Parameter names containing one of these (case-insensitive) are secret. */
    private static final List<String> SECRET_NAME_PARTS = List.of(
            "key", "token", "secret", "passw", "pwd", "auth", "sig", "credential", "session", "jwt", "private");
    private static final Pattern URL = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^\\s\"'<>]+");

    private SecretUrls() {}

    /** {@code text} with every URL in it redacted; parameters named in {@code secretParams} are secret too. */
    public static String redact(String text, Collection<String> secretParams) {
        if (text == null || !text.contains("://")) return text;
        Set<String> extra = secretParams.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Matcher m = URL.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(redactUrl(m.group(), extra)));
        m.appendTail(out);
        return out.toString();
    }

    public static String redact(String text) {
        return redact(text, Set.of());
    }

    /** A copy of {@code node} with every string in it (at any depth) {@link #redact redacted}. */
    public static JsonNode redactStrings(JsonNode node, Collection<String> secretParams) {
        if (node == null) return null;
        if (node.isTextual()) {
            String redacted = redact(node.asText(), secretParams);
            return redacted.equals(node.asText()) ? node : TextNode.valueOf(redacted);
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object.objectNode();
            object.properties().forEach(e -> copy.set(e.getKey(), redactStrings(e.getValue(), secretParams)));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.forEach(element -> copy.add(redactStrings(element, secretParams)));
            return copy;
        }
        return node;
    }

    /**
     * True when {@code shown} is {@code stored} with some parts replaced by {@link #MASK}: a client
     * sent back a redacted value it was shown, meaning "keep what is stored".
     */
    public static boolean isRedactionOf(String shown, String stored) {
        if (shown == null || stored == null || !shown.contains(MASK)) return false;
        String[] parts = shown.split(Pattern.quote(MASK), -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) regex.append(".+?");
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(stored).matches();
    }

    private static String redactUrl(String url, Set<String> extra) {
        int authority = url.indexOf("://") + 3;
        int pathStart = firstOf(url, authority, "/?#");
        int at = url.lastIndexOf('@', pathStart - 1);
        StringBuilder out = new StringBuilder(url.length());
        if (at >= authority) {
            String userInfo = url.substring(authority, at);
            int colon = userInfo.indexOf(':');
            // user:password keeps the user; a lone name is often a token itself (https://<token>@host)
            out.append(url, 0, authority).append(colon >= 0 ? userInfo.substring(0, colon + 1) + MASK : MASK)
                    .append(url, at, pathStart);
        } else {
            out.append(url, 0, pathStart);
        }
        int query = url.indexOf('?', pathStart);
        int fragment = url.indexOf('#', pathStart);
        if (query < 0 || (fragment >= 0 && fragment < query)) {
            out.append(url, pathStart, fragment < 0 ? url.length() : fragment);
        } else {
            out.append(url, pathStart, query + 1).append(redactParams(url.substring(query + 1, fragment < 0 ? url.length() : fragment), extra));
        }
        if (fragment >= 0) out.append('#').append(redactParams(url.substring(fragment + 1), extra));
        return out.toString();
    }

    private static String redactParams(String params, Set<String> extra) {
        String[] pairs = params.split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            int eq = pairs[i].indexOf('=');
            if (eq > 0 && isSecret(pairs[i].substring(0, eq), extra)) pairs[i] = pairs[i].substring(0, eq + 1) + MASK;
        }
        return String.join("&", pairs);
    }

    private static boolean isSecret(String rawName, Set<String> extra) {
        String name;
        try {
            name = URLDecoder.decode(rawName, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException malformed) {
            name = rawName.toLowerCase(Locale.ROOT);
        }
        if (extra.contains(name)) return true;
        for (String part : SECRET_NAME_PARTS) if (name.contains(part)) return true;
        return false;
    }

    private static int firstOf(String text, int from, String characters) {
        for (int i = from; i < text.length(); i++) if (characters.indexOf(text.charAt(i)) >= 0) return i;
        return text.length();
    }
}
