package dev.portolan.jq.builtins;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.portolan.jq.JqException;
import java.io.IOException;

/** {@code fromjson}: parses one JSON text (jq also accepts {@code nan}). */
public final class JsonInput {
    /** jq 1.8's MAX_PARSING_DEPTH: a text nested 10,000 levels deep is read, 10,001 is refused. */
    public static final int MAX_DEPTH = 10_000;
    private static final ObjectMapper MAPPER = mapper();
    /** For the numbers jq's reader takes beyond strict JSON; used only after {@link #MAPPER} refused a text. */
    private static final ObjectMapper LENIENT = build(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS,
            JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS,
            JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS,
            JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS);

    /** A mapper that reads JSON as jq does: {@code NaN}/{@code Infinity} and jq's nesting limit. */
    public static ObjectMapper mapper() {
        return build();
    }

    private static ObjectMapper build(JsonReadFeature... features) {
        var builder = JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);
        for (JsonReadFeature feature : features) {
            builder.enable(feature);
        }
        JsonFactory factory = builder
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();
        // Decimals keep their text (jq 1.8 prints 1.0 as 1.0): BigDecimals, trailing zeros kept.
        return JsonMapper.builder(factory)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    private JsonInput() {
    }

    static JsonNode parseText(String text) {
        String trimmed = text.strip();
        if (trimmed.equals("nan") || trimmed.equals("-nan")) {
            return dev.portolan.jq.value.Json.number(Double.NaN);
        }
        try (JsonParser parser = MAPPER.createParser(withJqNaN(text))) {
            JsonNode value = MAPPER.readTree(parser);
            if (value == null || value.isMissingNode()) {
                throw new JqException("Expected JSON value (while parsing '" + text + "')");
            }
            if (parser.nextToken() != null) {
                throw new JqException("Unexpected extra JSON values (while parsing '" + text + "')");
            }
            return value;
        } catch (IOException e) {
            return refused(text, e);
        }
    }

    /**
     * Jackson refused the text: jq's reason, in jq's words. Some numbers jq reads and strict JSON
     * does not ({@code 01}, {@code .5}, {@code +1}): then the text is read again, leniently.
     */
    private static JsonNode refused(String text, IOException jackson) {
        JsonTextErrors.Reading reading = JsonTextErrors.read(text);
        String message = reading.values() > 1 ? "Unexpected extra JSON values"
                : reading.error() != null ? reading.error()
                : reading.values() == 0 ? "Expected JSON value" : null;
        if (message == null) {
            try {
                return LENIENT.readTree(withJqNaN(text));
            } catch (IOException e) {
                message = firstLine(jackson.getMessage());
            }
        }
        throw new JqException(message + " (while parsing '" + text + "')");
    }

    /**
     * jq reads {@code nan}, {@code -nan} and {@code -NaN} as NaN; Jackson reads only {@code NaN}.
     * Rewrites those tokens outside strings (a text without them is returned as is).
     */
    public static String withJqNaN(String text) {
        if (!text.contains("nan") && !text.contains("-NaN")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (text.startsWith("-nan", i) || text.startsWith("-NaN", i)) {
                out.append("NaN");
                i += 3;
            } else if (text.startsWith("nan", i)) {
                out.append("NaN");
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String firstLine(String message) {
        int nl = message == null ? -1 : message.indexOf('\n');
        return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
    }
}
