package dev.portolan.jq.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.jq.JqException;
import dev.portolan.jq.JqHaltException;
import dev.portolan.jq.value.Formats;
import dev.portolan.jq.value.Json;
import dev.portolan.jq.value.JsonText;
import dev.portolan.jq.value.Strings;
import dev.portolan.jq.value.Values;

/** Types, lengths, keys, containment, conversions, errors and the host hooks ({@code input}, {@code $ENV}, ...). */
final class CoreBuiltins {
    private CoreBuiltins() {
    }

    static void register(Registry r) {
        r.generator("empty", 0, (in, args, env, out) -> true, (path, in, args, env, out) -> true);
        r.unary("not", in -> Json.bool(!Values.truthy(in)));
        r.unary("type", in -> Json.text(Values.typeName(in)));
        r.unary("length", CoreBuiltins::length);
        r.unary("utf8bytelength", in -> {
            if (!in.isTextual()) {
                throw new JqException(Values.describe(in) + " only strings have UTF-8 byte length");
            }
            return Json.number(in.textValue().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        });
        r.unary("keys", in -> keys(in, true));
        r.unary("keys_unsorted", in -> keys(in, false));
        r.value("has", 1, (in, a) -> Json.bool(has(in, a[0])));
        r.value("contains", 1, (in, a) -> Json.bool(Containment.contains(in, a[0])));
        r.unary("add", CoreBuiltins::add);
        r.unary("tostring", in -> in.isTextual() ? in : Json.text(JsonText.compact(in)));
        r.unary("tojson", in -> Json.text(JsonText.compact(in)));
        r.unary("fromjson", in -> JsonInput.parseText(requireString(in, "fromjson").textValue()));
        r.unary("tonumber", CoreBuiltins::toNumber);
        r.unary("toboolean", CoreBuiltins::toBoolean);
        r.unary("toarray", in -> in.isArray() ? in : Json.array().add(in));
        r.unary("ascii", in -> Json.text(new String(Character.toChars(in.intValue()))));
        r.value("format", 1, (in, a) -> Json.text(Formats.apply("@" + requireString(a[0], "format").textValue(), in)));
        // jq 1.8: error(null) is an error like any other; `try error(null) catch .` gives null.
        r.generator("error", 0, (in, a, env, out) -> {
            throw error(in);
        });
        r.generator("error", 1, (in, a, env, out) -> a[0].eval(in, env, message -> {
            throw error(message);
        }));
        // Number literals keep their text and compare exactly, as with jq 1.8's decNumber; arithmetic is on doubles.
        r.unary("have_decnum", in -> Json.TRUE);
        r.unary("have_literal_numbers", in -> Json.TRUE);
        r.unary("input_filename", in -> Json.NULL);
        // No module system (docs/jq.md): these exist so that a program using them is told why it fails.
        r.unary("modulemeta", in -> {
            throw new JqException("modulemeta is not supported: Portolan's jq has no module system");
        });
        r.unary("get_search_list", in -> {
            throw new JqException("get_search_list is not supported: Portolan's jq has no module system");
        });
        r.unary("halt", in -> {
            throw new JqHaltException(null, 0);
        });
        r.unary("halt_error", in -> {
            throw new JqHaltException(in, 5);
        });
        r.value("halt_error", 1, (in, a) -> {
            if (!a[0].isNumber()) {
                throw new JqException("halt_error/1: number required");
            }
            throw new JqHaltException(in, a[0].intValue());
        });
        r.generator("input", 0, (in, args, env, out) -> out.emit(env.execution().nextInput()));
        r.generator("inputs", 0, (in, args, env, out) -> {
            while (env.execution().hasInput()) {
                env.execution().tick();
                if (!out.emit(env.execution().nextInput())) {
                    return false;
                }
            }
            return true;
        });
        r.generator("input_line_number", 0,
                (in, args, env, out) -> out.emit(Json.number(env.execution().inputLineNumber())));
        r.generator("env", 0, (in, args, env, out) -> {
            ObjectNode o = Json.object();
            env.execution().runtime().environment().forEach(o::put);
            return out.emit(o);
        });
        r.generator("builtins", 0, (in, args, env, out) -> {
            ArrayNode names = Json.array();
            Builtins.instance().names().forEach(names::add);
            return out.emit(names);
        });
        r.unary("now", in -> Json.number(System.currentTimeMillis() / 1000.0));
        r.unary("debug", in -> {
            System.err.println("[\"DEBUG:\"," + JsonText.compact(in) + "]");
            return in;
        });
        // jq 1.7+: the input goes to stderr raw (strings unquoted) with no newline.
        r.unary("stderr", in -> {
            System.err.print(in.isTextual() ? in.textValue() : JsonText.compact(in));
            return in;
        });
    }

    static JsonNode requireString(JsonNode v, String function) {
        if (!v.isTextual()) {
            throw new JqException(Values.describe(v) + " cannot be parsed as " + function + " input; a string is required");
        }
        return v;
    }

    static JqException error(JsonNode value) {
        if (value.isTextual()) {
            return new JqException(value, value.textValue());
        }
        return new JqException(value, JsonText.compact(value) + " (not a string)");
    }

    private static JsonNode length(JsonNode in) {
        return switch (in.getNodeType()) {
            case NULL -> Json.number(0);
            case NUMBER -> in.doubleValue() < 0 ? dev.portolan.jq.value.Arith.negate(in) : in;
            case STRING -> Json.number(Strings.length(in.textValue()));
            case ARRAY, OBJECT -> Json.number(in.size());
            default -> throw new JqException(Values.describe(in) + " has no length");
        };
    }

    private static JsonNode keys(JsonNode in, boolean sorted) {
        ArrayNode out = Json.array();
        if (in.isObject()) {
            if (sorted) {
                Values.sortedKeys(in).forEach(out::add);
            } else {
                in.fieldNames().forEachRemaining(out::add);
            }
            return out;
        }
        if (in.isArray()) {
            for (int i = 0; i < in.size(); i++) {
                out.add(i);
            }
            return out;
        }
        throw new JqException(Values.describe(in) + " has no keys");
    }

    private static boolean has(JsonNode in, JsonNode key) {
        if (in.isNull() && (key.isTextual() || key.isNumber())) {
            return false;
        }
        if (in.isObject() && key.isTextual()) {
            return in.has(key.textValue());
        }
        if (in.isArray() && key.isNumber()) {
            double d = key.doubleValue();
            return d >= 0 && d < in.size();
        }
        throw new JqException("Cannot check whether " + Values.typeName(in) + " has a " + Values.typeName(key) + " key");
    }

    private static JsonNode add(JsonNode in) {
        if (!in.isContainerNode()) {
            throw Values.cannotIterate(in);
        }
        JsonNode acc = Json.NULL;
        boolean strings = true;
        for (JsonNode v : in) {
            strings &= v.isTextual();
        }
        if (strings && in.size() > 1) {
            // Concatenating in one buffer keeps add on long string arrays linear.
            StringBuilder sb = new StringBuilder();
            in.forEach(v -> sb.append(v.textValue()));
            return Json.text(sb.toString());
        }
        for (JsonNode v : in) {
            acc = dev.portolan.jq.value.Arith.add(acc, v);
        }
        return acc;
    }

    private static JsonNode toNumber(JsonNode in) {
        if (in.isNumber()) {
            return in;
        }
        if (in.isTextual()) {
            String s = in.textValue();
            try {
                if (s.isEmpty() || Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))
                        || s.endsWith(".") && s.length() == 1) {
                    throw new NumberFormatException();
                }
                if (s.equals("nan") || s.equals("NaN")) {
                    return Json.number(Double.NaN);
                }
                // jq 1.8 reads a leading '+' too: "+5.43" | tonumber is 5.43.
                if (!s.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                    throw new NumberFormatException();
                }
                return dev.portolan.jq.value.Numbers.parse(s.startsWith("+") ? s.substring(1) : s);
            } catch (NumberFormatException e) {
                throw new JqException(Values.describe(in) + " cannot be parsed as a number");
            }
        }
        throw new JqException(Values.describe(in) + " cannot be parsed as a number");
    }

    private static JsonNode toBoolean(JsonNode in) {
        if (in.isBoolean()) {
            return in;
        }
        if (in.isTextual() && (in.textValue().equals("true") || in.textValue().equals("false"))) {
            return Json.bool(in.textValue().equals("true"));
        }
        throw new JqException(Values.describe(in) + " cannot be parsed as a boolean");
    }
}
