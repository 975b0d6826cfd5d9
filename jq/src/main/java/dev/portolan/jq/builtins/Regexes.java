package dev.portolan.jq.builtins;

import dev.portolan.jq.JqException;
import dev.portolan.jq.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles jq (Oniguruma-style) regexes to {@link java.util.regex.Pattern}s, with jq's flags, and
 * caches them. Java group names allow no underscores, so named groups are renamed and the
 * original names kept alongside.
 */
final class Regexes {
    private static final int CACHE_LIMIT = 512;
    private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();

    private Regexes() {
    }

    /** A compiled regex: the pattern, jq's name for each group (null when unnamed), and the g/n flags. */
    record Compiled(Pattern pattern, List<String> groupNames, boolean global, boolean skipEmpty) { }

    static Compiled compile(String regex, String flags) {
        String cacheKey = flags + "\u0000" + regex;
        Compiled c = CACHE.get(cacheKey);
        if (c == null) {
            if (CACHE.size() > CACHE_LIMIT) {
                CACHE.clear();
            }
            c = doCompile(regex, flags);
            CACHE.put(cacheKey, c);
        }
        return c;
    }

    private static Compiled doCompile(String regex, String flags) {
        int javaFlags = 0;
        boolean global = false;
        boolean skipEmpty = false;
        for (char f : flags.toCharArray()) {
            switch (f) {
                case 'g' -> global = true;
                case 'i' -> javaFlags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 'x' -> javaFlags |= Pattern.COMMENTS;
                case 'n' -> skipEmpty = true;
                case 's' -> { }
                case 'p' -> javaFlags |= Pattern.DOTALL;
                case 'l' -> { }
                default -> throw new JqException(flags + " is not a valid modifier string");
            }
        }
        List<String> names = new ArrayList<>();
        String translated = translate(regex, names);
        try {
            return new Compiled(Pattern.compile(translated, javaFlags), names, global, skipEmpty);
        } catch (PatternSyntaxException e) {
            throw new JqException(regex + " (at offset " + Math.max(0, e.getIndex()) + ") is not a valid regex: "
                    + e.getDescription());
        }
    }

    /** Renames {@code (?<name>} groups and {@code \k<name>} references; records every capturing group's name. */
    private static String translate(String regex, List<String> names) {
        StringBuilder sb = new StringBuilder();
        Map<String, String> renamed = new java.util.HashMap<>();
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                if (regex.startsWith("\\k<", i)) {
                    int end = regex.indexOf('>', i);
                    if (end > 0) {
                        String name = regex.substring(i + 3, end);
                        sb.append("\\k<").append(renamed.getOrDefault(name, name)).append('>');
                        i = end;
                        continue;
                    }
                }
                sb.append(c).append(regex.charAt(++i));
                continue;
            }
            if (inClass && regex.startsWith("[:", i)) {
                int end = regex.indexOf(":]", i + 2);
                String posix = end < 0 ? null : posixClass(regex.substring(i + 2, end));
                if (posix != null) {
                    sb.append(posix);
                    i = end + 1;
                    continue;
                }
            }
            if (inClass) {
                inClass = c != ']';
                sb.append(c);
                continue;
            }
            if (c == '[') {
                inClass = true;
                sb.append(c);
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    sb.append(regex.charAt(++i));
                }
                continue;
            }
            if (c == '(') {
                if (regex.startsWith("(?<", i) && i + 3 < regex.length() && regex.charAt(i + 3) != '='
                        && regex.charAt(i + 3) != '!') {
                    int end = regex.indexOf('>', i);
                    String name = regex.substring(i + 3, end);
                    String javaName = "jqg" + names.size();
                    renamed.put(name, javaName);
                    names.add(name);
                    sb.append("(?<").append(javaName).append('>');
                    i = end;
                    continue;
                }
                if (!regex.startsWith("(?", i)) {
                    names.add(null);
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * Oniguruma's POSIX bracket classes ({@code [[:space:]]}, {@code [[:^alpha:]]}) with their
     * Unicode meaning, as members of a Java character class; null for an unknown name.
     */
    private static String posixClass(String name) {
        boolean negated = name.startsWith("^");
        String members = switch (negated ? name.substring(1) : name) {
            case "alnum" -> "\\p{L}\\p{M}\\p{Nd}";
            case "alpha" -> "\\p{L}\\p{M}";
            case "ascii" -> "\\x00-\\x7F";
            case "blank" -> "\\p{Zs}\\t";
            case "cntrl" -> "\\p{Cc}\\p{Cf}\\p{Cn}\\p{Co}\\p{Cs}";
            case "digit" -> "\\p{Nd}";
            case "graph" -> "\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}";
            case "lower" -> "\\p{Ll}";
            case "print" -> "\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Zs}";
            case "punct" -> "\\p{P}\\p{S}";
            case "space" -> "\\p{Zs}\\p{Zl}\\p{Zp}\\t\\n\\x0B\\f\\r\\x{85}";
            case "upper" -> "\\p{Lu}";
            case "xdigit" -> "0-9a-fA-F";
            case "word" -> "\\p{L}\\p{M}\\p{Nd}\\p{Pc}";
            default -> null;
        };
        if (members == null) {
            return null;
        }
        return negated ? "[^" + members + "]" : members;
    }

    static String requireText(com.fasterxml.jackson.databind.JsonNode v) {
        if (!v.isTextual()) {
            throw new JqException(Values.describe(v) + " cannot be matched, as it is not a string");
        }
        return v.textValue();
    }
}
