package dev.portolan.jq.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.jq.JqException;
import dev.portolan.jq.eval.Env;
import dev.portolan.jq.eval.Sink;
import dev.portolan.jq.value.Json;
import dev.portolan.jq.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * {@code test}, {@code match}, {@code capture}, {@code scan}, {@code split/2}, {@code sub}, {@code gsub}.
 * Offsets and lengths count code points, as in jq. Empty matches advance by one character, so
 * {@code gsub("^"; "x")} and {@code gsub(""; "-")} terminate as in jq 1.8.
 */
final class RegexBuiltins {
    private RegexBuiltins() {
    }

    static void register(Registry r) {
        r.generator("match", 1, (in, a, env, out) -> a[0].eval(in, env,
                re -> emitAll(matches(in, regex(re), flagsOf(re, null), env), out)));
        r.generator("match", 2, (in, a, env, out) -> a[1].eval(in, env, f -> a[0].eval(in, env,
                re -> emitAll(matches(in, regex(re), flagsOf(re, f), env), out))));
        r.generator("test", 1, (in, a, env, out) -> a[0].eval(in, env,
                re -> out.emit(Json.bool(test(in, regex(re), flagsOf(re, null), env)))));
        r.generator("test", 2, (in, a, env, out) -> a[1].eval(in, env, f -> a[0].eval(in, env,
                re -> out.emit(Json.bool(test(in, regex(re), flagsOf(re, f), env))))));
        r.generator("capture", 1, (in, a, env, out) -> a[0].eval(in, env,
                re -> emitCaptures(matches(in, regex(re), flagsOf(re, null), env), out)));
        r.generator("capture", 2, (in, a, env, out) -> a[1].eval(in, env, f -> a[0].eval(in, env,
                re -> emitCaptures(matches(in, regex(re), flagsOf(re, f), env), out))));
        r.generator("scan", 1, (in, a, env, out) -> a[0].eval(in, env,
                re -> emitScan(matches(in, regex(re), "g" + flagsOf(re, null), env), out)));
        r.generator("scan", 2, (in, a, env, out) -> a[1].eval(in, env, f -> a[0].eval(in, env,
                re -> emitScan(matches(in, regex(re), "g" + flagsOf(re, f), env), out))));
        r.generator("split", 2, (in, a, env, out) -> a[1].eval(in, env, f -> a[0].eval(in, env,
                re -> out.emit(split(in, Regexes.requireText(re), "g" + flags(f), env)))));
        r.generator("sub", 2, (in, a, env, out) -> a[0].eval(in, env,
                re -> Substitution.run(in, matches(in, Regexes.requireText(re), "", env), a[1], env, out)));
        r.generator("sub", 3, (in, a, env, out) -> a[2].eval(in, env, f -> a[0].eval(in, env,
                re -> Substitution.run(in, matches(in, Regexes.requireText(re), flags(f), env), a[1], env, out))));
        r.generator("gsub", 2, (in, a, env, out) -> a[0].eval(in, env,
                re -> Substitution.run(in, matches(in, Regexes.requireText(re), "g", env), a[1], env, out)));
        r.generator("gsub", 3, (in, a, env, out) -> a[2].eval(in, env, f -> a[0].eval(in, env,
                re -> Substitution.run(in, matches(in, Regexes.requireText(re), "g" + flags(f), env), a[1], env, out))));
    }

    /** {@code match(["re", "flags"])} passes the regex and flags as an array. */
    private static String regex(JsonNode re) {
        if (re.isArray() && !re.isEmpty()) {
            return Regexes.requireText(re.get(0));
        }
        if (!re.isTextual()) {
            throw new JqException(Values.typeName(re) + " (" + dev.portolan.jq.value.JsonText.truncated(re)
                    + ") cannot be matched, as it is not a string");
        }
        return re.textValue();
    }

    private static String flagsOf(JsonNode re, JsonNode flags) {
        if (re.isArray() && re.size() > 1) {
            return flags(re.get(1));
        }
        return flags(flags);
    }

    private static String flags(JsonNode f) {
        if (f == null || f.isNull()) {
            return "";
        }
        if (!f.isTextual()) {
            throw new JqException(Values.describe(f) + " is not a string");
        }
        return f.textValue();
    }

    private static boolean test(JsonNode in, String re, String flags, Env env) {
        Regexes.Compiled c = Regexes.compile(re, flags);
        Matcher m = c.pattern().matcher(new LimitedChars(Regexes.requireText(in), env.execution()));
        while (m.find()) {
            if (!c.skipEmpty() || m.end() > m.start()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The matches jq 1.8's global loop finds: after an empty match the search resumes one character
     * later, after a non-empty one at its end, and it goes on while it has not passed the end of the
     * string, so an empty pattern matches at every position including the end
     * ({@code "abc" | gsub(""; "-")} is {@code "-a-b-c-"}) and every loop terminates.
     */
    static List<ObjectNode> matches(JsonNode in, String re, String flags, Env env) {
        String s = Regexes.requireText(in);
        Regexes.Compiled c = Regexes.compile(re, flags);
        Matcher m = c.pattern().matcher(new LimitedChars(s, env.execution()));
        CodePoints cp = new CodePoints(s);
        List<ObjectNode> out = new ArrayList<>();
        int start = 0;
        do {
            if (start > s.length() || !m.find(start)) {
                break;
            }
            env.execution().tick();
            boolean empty = m.end() == m.start();
            if (!(c.skipEmpty() && empty)) {
                out.add(matchObject(m, c, cp, s));
            }
            start = !empty ? m.end()
                    : m.start() < s.length() ? m.start() + Character.charCount(s.codePointAt(m.start())) : s.length() + 1;
        } while (c.global() && start <= s.length());
        return out;
    }

    private static ObjectNode matchObject(Matcher m, Regexes.Compiled c, CodePoints cp, String s) {
        ObjectNode o = Json.object();
        o.put("offset", cp.at(m.start()));
        o.put("length", cp.at(m.end()) - cp.at(m.start()));
        o.put("string", m.group());
        ArrayNode captures = o.putArray("captures");
        boolean empty = m.end() == m.start();
        for (int g = 1; g <= m.groupCount(); g++) {
            ObjectNode capture = captures.addObject();
            // jq 1.8, keys in its order: a group that took no part in the match is at offset -1 with a
            // null string; in a zero-width match, a group that did is an empty string at the match's
            // offset; otherwise an empty group is an empty string at its own offset.
            if (m.start(g) < 0) {
                capture.put("offset", -1);
                capture.putNull("string");
                capture.put("length", 0);
            } else if (empty || m.end(g) == m.start(g)) {
                capture.put("offset", cp.at(empty ? m.start() : m.start(g)));
                capture.put("string", "");
                capture.put("length", 0);
            } else {
                capture.put("offset", cp.at(m.start(g)));
                capture.put("length", cp.at(m.end(g)) - cp.at(m.start(g)));
                capture.put("string", m.group(g));
            }
            String name = g - 1 < c.groupNames().size() ? c.groupNames().get(g - 1) : null;
            capture.put("name", name);
        }
        return o;
    }

    private static boolean emitAll(List<ObjectNode> matches, Sink out) {
        for (ObjectNode m : matches) {
            if (!out.emit(m)) {
                return false;
            }
        }
        return true;
    }

    static ObjectNode captureObject(JsonNode match) {
        ObjectNode o = Json.object();
        for (JsonNode c : match.get("captures")) {
            if (!c.get("name").isNull()) {
                o.set(c.get("name").textValue(), c.get("string"));
            }
        }
        return o;
    }

    private static boolean emitCaptures(List<ObjectNode> matches, Sink out) {
        for (ObjectNode m : matches) {
            if (!out.emit(captureObject(m))) {
                return false;
            }
        }
        return true;
    }

    private static boolean emitScan(List<ObjectNode> matches, Sink out) {
        for (ObjectNode m : matches) {
            JsonNode captures = m.get("captures");
            JsonNode value = m.get("string");
            if (!captures.isEmpty()) {
                ArrayNode strings = Json.array();
                captures.forEach(c -> strings.add(c.get("string")));
                value = strings;
            }
            if (!out.emit(value)) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode split(JsonNode in, String re, String flags, Env env) {
        String s = Regexes.requireText(in);
        ArrayNode parts = Json.array();
        int previous = 0;
        CodePoints cp = new CodePoints(s);
        for (ObjectNode m : matches(in, re, flags, env)) {
            int start = cp.charIndex(m.get("offset").intValue());
            int end = cp.charIndex(m.get("offset").intValue() + m.get("length").intValue());
            parts.add(s.substring(previous, start));
            previous = end;
        }
        parts.add(s.substring(previous));
        return parts;
    }
}
