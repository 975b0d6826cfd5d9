package dev.portolan.jq.builtins;

/** The checks jq's reader makes on a JSON string's content (between its quotes), with jq's wording. */
final class StringEscapes {
    private StringEscapes() {
    }

    /** jq's message for the first fault of this string content, or null when it reads. */
    static String check(CharSequence content) {
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c < 0x20) {
                return "Invalid string: control characters from U+0000 through U+001F must be escaped";
            }
            if (c != '\\') {
                continue;
            }
            // A string cannot end with a lone backslash: it would have escaped the closing quote.
            char escaped = content.charAt(++i);
            if (escaped == 'u') {
                if (i + 4 >= content.length()) {
                    return "Invalid \\uXXXX escape";
                }
                for (int k = 1; k <= 4; k++) {
                    if (Character.digit(content.charAt(i + k), 16) < 0) {
                        return "Invalid characters in \\uXXXX escape";
                    }
                }
                i += 4;
            } else if ("\\\"/bfnrt".indexOf(escaped) < 0) {
                return "Invalid escape";
            }
        }
        return null;
    }
}
