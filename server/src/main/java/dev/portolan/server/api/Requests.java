package dev.portolan.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.json.Json;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** Reading requests: bodies within the size limit, and query parameters checked strictly. */
public final class Requests {

    private final long maxBodyBytes;

    public Requests(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The body as JSON; 400 naming the position when it is not JSON, 413 when over the limit. */
    public JsonNode json(Context ctx) {
        JsonNode json = optionalJson(ctx);
        if (json == null) throw ApiException.badRequest("The request needs a JSON body");
        return json;
    }

    /** The body as JSON, or null when there is none. */
    public JsonNode optionalJson(Context ctx) {
        byte[] body = body(ctx);
        if (body.length == 0) return null;
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            String nul = nulPath(json, "");
            if (nul != null) {
                throw ApiException.badRequest("The body holds a NUL character (\\u0000) at '" + nul + "'; no text can contain one");
            }
            return json;
        } catch (JsonProcessingException e) {
            var at = e.getLocation(); // none for a limit such as the nesting depth
            throw ApiException.badRequest("The body is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A before-handler: neither database can store a NUL character (PostgreSQL refuses it in text),
     * so a query parameter holding one is refused (400) before it reaches the catalog.
     */
    public static void refuseNulInQuery(Context ctx) {
        ctx.queryParamMap().forEach((name, values) -> {
            if (name.indexOf('\0') >= 0 || values.stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
                throw ApiException.badRequest("Query parameter '" + name.replace('\0', '?') + "' holds a NUL character (\\u0000); no text can contain one");
            }
        });
    }

    /** The path of the first text or key holding a NUL character, or null. */
    private static String nulPath(JsonNode node, String path) {
        if (node.isTextual()) return node.asText().indexOf('\0') >= 0 ? (path.isEmpty() ? "$" : path) : null;
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = nulPath(node.get(i), path + "[" + i + "]");
                if (found != null) return found;
            }
        } else if (node.isObject()) {
            for (var e : node.properties()) {
                String child = (path.isEmpty() ? "" : path + ".") + e.getKey().replace('\0', '?');
                if (e.getKey().indexOf('\0') >= 0) return child;
                String found = nulPath(e.getValue(), child);
                if (found != null) return found;
            }
        }
        return null;
    }

    private byte[] body(Context ctx) {
        long declared = ctx.contentLength();
        if (declared > maxBodyBytes) throw tooLarge();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > maxBodyBytes) throw tooLarge();
            }
        } catch (IOException e) {
            throw ApiException.badRequest("Could not read the request body: " + e.getMessage());
        }
        return out.toByteArray();
    }

    private ApiException tooLarge() {
        return new ApiException(413, "payload_too_large", "The request body is larger than the limit of "
                + maxBodyBytes + " bytes; send fewer entities per request");
    }

    /** A boolean query parameter: absent → the default; anything but true/false → 400. */
    public static boolean flag(Context ctx, String name, boolean defaultValue) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) return defaultValue;
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("Query parameter '" + name + "' must be true or false, got '" + value + "'");
        };
    }

    /** An integer query parameter within bounds: absent → the default; otherwise checked (400). */
    public static int integer(Context ctx, String name, int defaultValue, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) return defaultValue;
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) return parsed;
        } catch (NumberFormatException ignored) {
            // falls through to the error below
        }
        throw ApiException.badRequest("Query parameter '" + name + "' must be a whole number from " + min + " to " + max + ", got '" + value + "'");
    }

    /** Repeated or comma-separated values: {@code include=a&include=b} or {@code include=a,b}. */
    public static List<String> list(Context ctx, String name) {
        return ctx.queryParams(name).stream().flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
