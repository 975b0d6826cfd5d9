package dev.portolan.jq.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.JqException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.UnaryOperator;

/** The {@code @format} string encoders, with jq's rules for non-string inputs. */
public final class Formats {
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Formats() {
    }

    public static boolean exists(String name) {
        return switch (name) {
            case "@text", "@json", "@html", "@uri", "@urid", "@csv", "@tsv", "@sh", "@base64", "@base64d",
                 "@base32", "@base32d", "@table" -> true;
            default -> false;
        };
    }

    /** {@code tostring}: strings as they are, anything else as compact JSON. */
    public static String text(JsonNode v) {
        return v.isTextual() ? v.textValue() : JsonText.compact(v);
    }

    public static String apply(String format, JsonNode v) {
        if (format == null) {
            return text(v);
        }
        return switch (format) {
            case "@text" -> text(v);
            case "@json" -> JsonText.compact(v);
            case "@html" -> html(text(v));
            case "@uri" -> uri(text(v));
            case "@urid" -> urid(text(v));
            case "@csv" -> csv(v);
            case "@tsv" -> tsv(v);
            case "@sh" -> sh(v);
            case "@base64" -> Base64.getEncoder().encodeToString(text(v).getBytes(StandardCharsets.UTF_8));
            case "@base64d" -> base64d(text(v));
            case "@base32" -> base32(text(v).getBytes(StandardCharsets.UTF_8));
            case "@base32d" -> base32d(text(v));
            case "@table" -> TableFormat.apply(v);
            default -> throw new JqException(format.substring(1) + " is not a valid format");
        };
    }

    private static String html(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '\'' -> sb.append("&apos;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String uri(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    private static String urid(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                try {
                    bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                    continue;
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    throw notUri(s);
                }
            }
            byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            bytes.write(b, 0, b.length);
        }
        // jq 1.8 refuses decoded bytes that are not UTF-8 (a truncated or malformed sequence).
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw notUri(s);
        }
    }

    private static JqException notUri(String s) {
        return new JqException("string (" + JsonText.truncated(Json.text(s)) + ") is not a valid uri encoding");
    }

    private static String csv(JsonNode row) {
        return row(row, "csv", ',', text -> '"' + text.replace("\"", "\"\"") + '"');
    }

    private static String tsv(JsonNode row) {
        return row(row, "tsv", '\t', text -> text.replace("\\", "\\\\").replace("\t", "\\t")
                .replace("\n", "\\n").replace("\r", "\\r"));
    }

    /** One CSV or TSV row: numbers and booleans as they print, null as nothing, strings escaped. */
    private static String row(JsonNode row, String format, char separator, UnaryOperator<String> escape) {
        requireArray(row, format);
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (JsonNode v : row) {
            if (!first) {
                sb.append(separator);
            }
            first = false;
            switch (v.getNodeType()) {
                case NUMBER -> sb.append(JsonText.number(v));
                case BOOLEAN -> sb.append(v.booleanValue());
                case NULL -> { }
                case STRING -> sb.append(escape.apply(v.textValue()));
                default -> throw new JqException(Values.describe(v) + " is not valid in a " + format + " row");
            }
        }
        return sb.toString();
    }

    /** jq 1.8.2's wording ("only array"; jq 1.7 said "only an array can be"). */
    private static void requireArray(JsonNode v, String format) {
        if (!v.isArray()) {
            throw new JqException(Values.describe(v) + " cannot be " + format + "-formatted, only array");
        }
    }

    private static String sh(JsonNode v) {
        if (!v.isArray()) {
            return shWord(v);
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode x : v) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(shWord(x));
        }
        return sb.toString();
    }

    private static String shWord(JsonNode v) {
        if (v.isContainerNode()) {
            throw new JqException(Values.describe(v) + " can not be escaped for shell");
        }
        if (v.isTextual()) {
            return "'" + v.textValue().replace("'", "'\\''") + "'";
        }
        return JsonText.compact(v);
    }

    private static String base64d(String s) {
        String trimmed = s.replace("=", "");
        if (trimmed.length() % 4 == 1) {
            // A lone sixth-bit group cannot make a byte: jq 1.8 refuses it instead of dropping it.
            throw new JqException(Values.describe(Json.text(s)) + " trailing base64 byte found");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(trimmed);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new JqException(Values.describe(Json.text(s)) + " is not valid base64 data");
        }
    }

    private static String base32(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        while (sb.length() % 8 != 0) {
            sb.append('=');
        }
        return sb.toString();
    }

    private static String base32d(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=') {
                break;
            }
            int v = BASE32.indexOf(Character.toUpperCase(c));
            if (v < 0) {
                throw new JqException(Values.describe(Json.text(s)) + " is not valid base32 data");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
