package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A small JSON file of what was computed from a repository, kept in its state folder between
 * resyncs. Written aside and moved into place, so a reader never sees half of one; one that cannot
 * be read counts as absent (the figures are computed again).
 */
final class StateFile {

    private StateFile() {}

    /** The file's JSON, or null when it is absent or unreadable. */
    static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static void write(Path file, JsonNode json) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
        Files.writeString(partial, Json.write(json));
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
