package dev.portolan.server.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
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

    /**
     * Every /v1 body is read here. A key given twice is refused rather than the last one silently
     * winning: the client meant one of them, and we cannot tell which.
     */
    private static final ObjectReader BODY_READER = Json.MAPPER.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

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
            JsonNode json = BODY_READER.readTree(body);
            String unstorable = UnstorableText.find(json);
            if (unstorable != null) throw ApiException.badRequest(unstorable);
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
     * A before-handler: a query parameter holding text no database can store as sent (a NUL
     * character, a lone surrogate) is refused (400) before it reaches the catalog.
     */
    public static void refuseNulInQuery(Context ctx) {
        ctx.queryParamMap().forEach((name, values) -> {
            String problem = UnstorableText.describe(name);
            for (String value : values) {
                if (problem == null) problem = UnstorableText.describe(value);
            }
            if (problem != null) {
                throw ApiException.badRequest("Query parameter '" + UnstorableText.printable(name) + "' holds " + problem);
            }
        });
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
