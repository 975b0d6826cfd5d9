package dev.portolan.integrations.custom;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.jq.JqEvaluationException;
import dev.portolan.sync.jq.JqExpression;
import dev.portolan.sync.jq.PortolanJqEngine;
import dev.portolan.sync.spi.FetchException;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one page body of a kind into raw objects and the {@code nextPath} value. Without
 * {@code itemsPath} and {@code nextPath} the body is a JSON array of objects or JSON lines (one
 * object per line), read as it streams; otherwise it is one JSON document that the jq runs on.
 */
final class PageBody {

    /** @param next what {@code nextPath} gave (a URL or a cursor), or null on the last page */
    record Content(List<JsonNode> objects, String next) {}

    private static final ObjectReader READER = Json.MAPPER.readerFor(JsonNode.class);
    private static final Duration JQ_TIMEOUT = Duration.ofSeconds(10);

    private final CustomKind kind;
    private final JqExpression itemsPath;
    private final JqExpression nextPath;

    PageBody(CustomKind kind) {
        this.kind = kind;
        this.itemsPath = kind.itemsPath() == null ? null : PortolanJqEngine.INSTANCE.compile(kind.itemsPath());
        this.nextPath = kind.nextPath() == null ? null : PortolanJqEngine.INSTANCE.compile(kind.nextPath());
    }

    /**
     * @param source where the body comes from, for messages ({@code GET https://...}, {@code file /x.json})
     * @throws FetchException when the content is wrong (not JSON, no array of objects): not retriable
     * @throws IOException    when reading the body itself fails
     */
    Content read(InputStream body, String source) throws FetchException, IOException {
        try {
            if (itemsPath == null && nextPath == null) return new Content(arrayOrLines(body, source), null);
            JsonNode document = READER.readValue(body);
            JsonNode items = itemsPath == null ? document : evaluate(itemsPath, "itemsPath", document, source);
            if (items == null || !items.isArray()) throw notAnArray(items, source);
            List<JsonNode> objects = new ArrayList<>(items.size());
            for (JsonNode item : items) objects.add(object(item, objects.size() + 1, source));
            return new Content(objects, next(document, source));
        } catch (JsonProcessingException e) {
            throw new FetchException(kind.name() + ": " + source + " is not valid JSON: " + describe(e), false, e);
        }
    }

    private List<JsonNode> arrayOrLines(InputStream body, String source) throws IOException, FetchException {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> values = READER.readValues(body)) {
            boolean array = false;
            while (values.hasNextValue()) {
                JsonNode value = values.nextValue();
                if (array) throw new FetchException(kind.name() + ": " + source + " has more JSON after its array; "
                        + "send one JSON array or JSON lines, or set " + kind.path() + ".itemsPath", false);
                if (value.isArray() && objects.isEmpty()) {
                    array = true;
                    for (JsonNode item : value) objects.add(object(item, objects.size() + 1, source));
                } else {
                    objects.add(object(value, objects.size() + 1, source));
                }
            }
        }
        return objects;
    }

    private JsonNode object(JsonNode item, int position, String source) throws FetchException {
        if (item.isObject()) return item;
        throw new FetchException(kind.name() + ": item " + position + " of " + source + " is " + Json.typeName(item)
                + ", not an object; " + (itemsPath == null ? "if the objects are inside the body, set " + kind.path()
                + ".itemsPath to their array, e.g. .items" : kind.path() + ".itemsPath must lead to an array of objects"), false);
    }

    private FetchException notAnArray(JsonNode items, String source) {
        String got = Json.typeName(items);
        String advice = itemsPath == null
                ? "set " + kind.path() + ".itemsPath to the array of objects in it, e.g. .items"
                : "check " + kind.path() + ".itemsPath" + (got.equals("null") ? "; on a page that may lack it, write '" + kind.itemsPath() + " // []'" : "");
        return new FetchException(kind.name() + ": " + (itemsPath == null ? "the body of " + source
                : "itemsPath '" + kind.itemsPath() + "' on " + source) + " gave " + got + ", not an array; " + advice, false);
    }

    private String next(JsonNode document, String source) throws FetchException {
        if (nextPath == null) return null;
        JsonNode value = evaluate(nextPath, "nextPath", document, source);
        if (value == null || value.isNull() || value.isBoolean() && !value.asBoolean()) return null;
        if (value.isTextual()) return value.asText().isEmpty() ? null : value.asText();
        if (value.isNumber()) return value.asText();
        throw new FetchException(kind.name() + ": nextPath '" + kind.nextPath() + "' on " + source + " gave " + Json.typeName(value)
                + "; it must give the next page's URL or cursor (a string or a number), or null on the last page", false);
    }

    private JsonNode evaluate(JqExpression expression, String key, JsonNode document, String source) throws FetchException {
        try {
            return expression.first(document, JQ_TIMEOUT);
        } catch (JqEvaluationException e) {
            throw new FetchException(kind.name() + ": " + key + " '" + expression.text() + "' failed on " + source
                    + ": " + e.getMessage() + "; check " + kind.path() + "." + key, false, e);
        }
    }

    /**
     * Where a body or file stops being JSON, never what it holds there: the message is shown to
     * every member, and the parser's own ("Unrecognized token 'root'") would quote the source.
     */
    static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String what = e instanceof com.fasterxml.jackson.core.io.JsonEOFException ? "it ends in the middle of a value"
                : "unexpected text";
        return what + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr());
    }
}
