package dev.portolan.jq.builtins;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.portolan.jq.JqException;
import java.io.IOException;

/** {@code fromjson}: parses one JSON text (jq also accepts {@code nan}). */
final class JsonInput {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private JsonInput() {
    }

    static JsonNode parseText(String text) {
        String trimmed = text.strip();
        if (trimmed.equals("nan") || trimmed.equals("-nan")) {
            return dev.portolan.jq.value.Json.number(Double.NaN);
        }
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode value = MAPPER.readTree(parser);
            if (value == null || value.isMissingNode()) {
                throw new JqException("Expected JSON value (while parsing '" + text + "')");
            }
            if (parser.nextToken() != null) {
                throw new JqException("Unexpected extra JSON values (while parsing '" + text + "')");
            }
            return value;
        } catch (IOException e) {
            throw new JqException(firstLine(e.getMessage()) + " (while parsing '" + text + "')");
        }
    }

    private static String firstLine(String message) {
        int nl = message == null ? -1 : message.indexOf('\n');
        return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
    }
}
