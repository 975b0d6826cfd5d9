package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import dev.portolan.sync.files.FileContent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A file's content as JSON, by extension: JSON, YAML and text as {@link FileContent} parses them
 * for every Git integration, plus XML (as Jackson reads it into a tree: {@code pom.xml},
 * {@code *.csproj}). Content that does not parse is kept as text, with the reason, so that one bad
 * file never fails a resync.
 */
final class ContentParser {

    private static final XmlMapper XML = new XmlMapper();

    /** The parsed content and, when it did not parse, why. */
    record Parsed(JsonNode content, String error) {}

    private ContentParser() {}

    static Parsed parse(String path, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            if (path.toLowerCase(Locale.ROOT).endsWith(".xml")) return new Parsed(XML.readTree(bytes), null);
            return new Parsed(FileContent.parse(path, text), null);
        } catch (FileContent.Unparsable e) {
            return new Parsed(TextNode.valueOf(text), e.getMessage());
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            return new Parsed(TextNode.valueOf(text), path + " is not valid XML: " + reason);
        }
    }
}
