package dev.portolan.sync.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The content of a file from a repository as a mapping sees it, the way Port's Git integrations
 * parse it: {@code .json} as JSON, {@code .yml}/{@code .yaml} as YAML (a file of several
 * documents becomes an array of them, one document stays itself), anything else as text. A file
 * that does not parse is a {@link Unparsable} naming the path and the line, so that one bad file
 * is reported without stopping the others.
 */
public final class FileContent {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A file whose content is not valid for its extension. */
    public static final class Unparsable extends Exception {
        public Unparsable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private FileContent() {}

    /** Whether {@link #parse} reads the file as structured data (JSON or YAML) rather than text. */
    public static boolean isStructured(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".json") || lower.endsWith(".yml") || lower.endsWith(".yaml");
    }

    /** {@code text} parsed by the extension of {@code path}; empty YAML is null. */
    public static JsonNode parse(String path, String text) throws Unparsable {
        String lower = path.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".json")) return JSON.readTree(text);
            if (lower.endsWith(".yml") || lower.endsWith(".yaml")) return yaml(text);
            return TextNode.valueOf(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new Unparsable(path + " is not valid " + (lower.endsWith(".json") ? "JSON" : "YAML") + where + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new Unparsable(path + " could not be read: " + e.getMessage(), e);
        }
    }

    private static JsonNode yaml(String text) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> values = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (values.hasNextValue()) {
                JsonNode document = values.nextValue();
                if (document != null && !document.isMissingNode()) documents.add(document);
            }
        }
        if (documents.isEmpty()) return JsonNodeFactory.instance.nullNode();
        if (documents.size() == 1) return documents.getFirst();
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        documents.forEach(array::add);
        return array;
    }
}
