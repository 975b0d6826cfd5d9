package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finds text in a request body that no database can store as sent: a NUL character (PostgreSQL
 * refuses it in text) or a lone UTF-16 surrogate such as {@code "\ud800"} (it has no UTF-8 form,
 * so it would be stored as {@code ?} and read back different from what the client sent).
 */
final class UnstorableText {

    private UnstorableText() {}

    /** A sentence naming the first unstorable character (where and which), or null when all text can be stored. */
    static String find(JsonNode node) {
        return find(node, "");
    }

    /** The same check for one text: a sentence naming the character and its position, or null. */
    static String describe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') return "a NUL character (\\u0000) at position " + i + "; no text can contain one";
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a valid pair: one character outside the Basic Multilingual Plane
            } else if (Character.isSurrogate(c)) {
                return String.format("a lone surrogate (\\u%04x) at position %d; text must be valid Unicode", (int) c, i);
            }
        }
        return null;
    }

    private static String find(JsonNode node, String path) {
        if (node.isTextual()) return problem(node.asText(), path.isEmpty() ? "$" : path, "'%s' holds ");
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = find(node.get(i), path + "[" + i + "]");
                if (found != null) return found;
            }
        } else if (node.isObject()) {
            for (var e : node.properties()) {
                String child = (path.isEmpty() ? "" : path + ".") + printable(e.getKey());
                String key = problem(e.getKey(), child, "the key '%s' holds ");
                if (key != null) return key;
                String found = find(e.getValue(), child);
                if (found != null) return found;
            }
        }
        return null;
    }

    private static String problem(String text, String path, String where) {
        String what = describe(text);
        return what == null ? null : "The body holds, at " + String.format(where, path) + what;
    }

    /** The text with its unstorable characters shown as '?', fit to be quoted in a message. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(c == '\0' || Character.isSurrogate(c) ? '?' : c);
            }
        }
        return out.toString();
    }
}
