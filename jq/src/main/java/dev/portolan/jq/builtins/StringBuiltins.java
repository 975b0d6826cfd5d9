package dev.portolan.jq.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.portolan.jq.JqException;
import dev.portolan.jq.value.Json;
import dev.portolan.jq.value.JsonText;
import dev.portolan.jq.value.Strings;
import dev.portolan.jq.value.Values;

/** String builtins: case, trimming, prefixes, splitting, joining, code points, searching. */
final class StringBuiltins {
    private StringBuiltins() {
    }

    static void register(Registry r) {
        // jq implements these with explode, hence the message.
        r.unary("ascii_downcase", in -> Json.text(ascii(string(in, "explode"), true)));
        r.unary("ascii_upcase", in -> Json.text(ascii(string(in, "explode"), false)));
        // jq 1.8 defines these with startswith/endswith, hence their errors on non-strings.
        r.value("ltrimstr", 1, (in, a) -> ltrimstr(in, a[0]));
        r.value("rtrimstr", 1, (in, a) -> rtrimstr(in, a[0]));
        r.value("trimstr", 1, (in, a) -> rtrimstr(ltrimstr(in, a[0]), a[0]));
        r.unary("trim", in -> Json.text(trim(in, "trim", true, true)));
        r.unary("ltrim", in -> Json.text(trim(in, "trim", true, false)));
        r.unary("rtrim", in -> Json.text(trim(in, "trim", false, true)));
        r.value("startswith", 1, (in, a) -> {
            if (!in.isTextual() || !a[0].isTextual()) {
                throw new JqException("startswith() requires string inputs");
            }
            return Json.bool(in.textValue().startsWith(a[0].textValue()));
        });
        r.value("endswith", 1, (in, a) -> {
            if (!in.isTextual() || !a[0].isTextual()) {
                throw new JqException("endswith() requires string inputs");
            }
            return Json.bool(in.textValue().endsWith(a[0].textValue()));
        });
        r.unary("explode", in -> Strings.explode(string(in, "explode")));
        r.unary("implode", StringBuiltins::implode);
        r.value("split", 1, (in, a) -> {
            if (!in.isTextual() || !a[0].isTextual()) {
                throw new JqException("split input and separator must be strings");
            }
            return Strings.split(in.textValue(), a[0].textValue());
        });
        r.value("join", 1, (in, a) -> join(in, a[0]));
        r.value("_indices", 1, (in, a) -> indices(in, a[0]));
        r.value("_strindices", 1, (in, a) -> {
            if (!in.isTextual()) {
                throw new JqException(Values.describe(in) + " cannot be searched, as it is not a string");
            }
            if (!a[0].isTextual()) {
                throw new JqException(Values.describe(a[0]) + " is not a string");
            }
            return indices(in, a[0]);
        });
    }

    static String string(JsonNode in, String function) {
        if (!in.isTextual()) {
            throw new JqException(function + " input must be a string");
        }
        return in.textValue();
    }

    private static String ascii(String s, boolean lower) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (lower && c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + 32);
            } else if (!lower && c >= 'a' && c <= 'z') {
                chars[i] = (char) (c - 32);
            }
        }
        return new String(chars);
    }

    private static JsonNode ltrimstr(JsonNode in, JsonNode prefix) {
        if (!in.isTextual() || !prefix.isTextual()) {
            throw new JqException("startswith() requires string inputs");
        }
        return in.textValue().startsWith(prefix.textValue())
                ? Json.text(in.textValue().substring(prefix.textValue().length())) : in;
    }

    private static JsonNode rtrimstr(JsonNode in, JsonNode suffix) {
        if (!in.isTextual() || !suffix.isTextual()) {
            throw new JqException("endswith() requires string inputs");
        }
        if (in.textValue().endsWith(suffix.textValue())) {
            String s = in.textValue();
            return Json.text(s.substring(0, s.length() - suffix.textValue().length()));
        }
        return in;
    }

    private static String trim(JsonNode in, String name, boolean left, boolean right) {
        if (!in.isTextual()) {
            throw new JqException("trim input must be a string");
        }
        String s = in.textValue();
        int start = 0;
        int end = s.length();
        while (left && start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (right && end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** jq 1.8 trims Unicode white space (White_Space=yes), not only ASCII. */
    private static boolean isSpace(char c) {
        return (c >= 0x09 && c <= 0x0d) || c == ' ' || c == 0x85 || c == 0xa0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f
                || c == 0x3000;
    }

    private static JsonNode implode(JsonNode in) {
        if (!in.isArray()) {
            throw new JqException("implode input must be an array");
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode cp : in) {
            if (!cp.isNumber() || Double.isNaN(cp.doubleValue())) {
                throw new JqException(Values.describe(cp) + " can't be imploded, unicode codepoint needs to be numeric");
            }
            double d = Math.floor(cp.doubleValue());
            boolean valid = d >= 0 && d <= 0x10FFFF && !(d >= 0xD800 && d <= 0xDFFF);
            // Like jq, anything that is not a Unicode scalar value becomes U+FFFD.
            sb.appendCodePoint(valid ? (int) d : 0xFFFD);
        }
        return Json.text(sb.toString());
    }

    private static JsonNode join(JsonNode in, JsonNode separator) {
        if (!in.isContainerNode()) {
            throw Values.cannotIterate(in);
        }
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (JsonNode v : in) {
            if (!first) {
                if (!separator.isTextual()) {
                    throw new JqException(Values.describe(Json.text(sb.toString())) + " and "
                            + Values.describe(separator) + " cannot be added");
                }
                sb.append(separator.textValue());
            }
            first = false;
            switch (v.getNodeType()) {
                case NULL -> { }
                case STRING -> sb.append(v.textValue());
                case NUMBER, BOOLEAN -> sb.append(JsonText.compact(v));
                // jq joins with reduce and +, so this is the message its addition gives.
                default -> throw new JqException(Values.describe(Json.text(sb.toString())) + " and "
                        + Values.describe(v) + " cannot be added");
            }
        }
        return Json.text(sb.toString());
    }

    private static JsonNode indices(JsonNode in, JsonNode target) {
        if (in.isNull()) {
            return Json.NULL;
        }
        if (in.isTextual() && target.isTextual()) {
            ArrayNode out = Json.array();
            String s = in.textValue();
            String t = target.textValue();
            if (t.isEmpty()) {
                return Json.NULL;
            }
            for (int at = s.indexOf(t); at >= 0; at = s.indexOf(t, at + 1)) {
                out.add(s.codePointCount(0, at));
            }
            return out;
        }
        if (in.isArray() && target.isArray()) {
            return dev.portolan.jq.value.Index.get(in, target);
        }
        if (in.isArray()) {
            return dev.portolan.jq.value.Index.get(in, Json.array().add(target));
        }
        throw new JqException("Cannot determine indices of " + Values.describe(target) + " in " + Values.describe(in));
    }
}
