package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The raw objects of one kind of one repository, as last read, in a file under the installation's
 * data folder: a header line with the head they were read at, then one JSON object per line. A
 * resync whose head did not move streams the file instead of reading the repository. Files are
 * written aside and moved into place, so a crash never leaves half a cache.
 */
final class ObjectCache {

    /** Produces the objects to cache, handing each to the sink. */
    interface Producer {
        void produce(java.util.function.Consumer<ObjectNode> sink) throws IOException;
    }

    private static final int FORMAT = 1;

    private ObjectCache() {}

    /** The file holding one kind's objects (as {@code key} selects them) of one repository. */
    static Path file(OpenedRepository repository, String key) {
        return repository.stateFolder().resolve(hash(key) + ".jsonl");
    }

    /**
     * The objects of {@code file}, positioned after its header, when it holds those read at
     * {@code head}; else null (absent, another head, or unreadable: read the repository again).
     * One open per repository and kind: a resync with nothing changed costs little more than this.
     */
    static BufferedReader openIfHolds(Path file, String head) {
        BufferedReader reader = null;
        try {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            JsonNode header = Json.parse(reader.readLine());
            if (header.path("format").asInt() == FORMAT && head.equals(header.path("head").asText())) return reader;
        } catch (IOException | RuntimeException e) {
            // absent or unreadable: read the repository again
        }
        close(reader);
        return null;
    }

    /** Writes the objects read at {@code head}; returns how many there were. */
    static long write(Path file, String head, Producer producer) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        long[] count = {0};
        try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            writer.write(Json.write(Json.object().put("format", FORMAT).put("head", head)));
            writer.newLine();
            try {
                producer.produce(object -> {
                    try {
                        writer.write(Json.write(object));
                        writer.newLine();
                        count[0]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return count[0];
    }

    private static void close(BufferedReader reader) {
        if (reader == null) return;
        try {
            reader.close();
        } catch (IOException ignored) {
            // read-only: nothing to lose
        }
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
