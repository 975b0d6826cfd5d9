package dev.portolan.integrations.custom;

import dev.portolan.sync.files.FileFolders;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.spi.FetchException;
import dev.portolan.sync.spi.Fetcher;
import dev.portolan.sync.spi.Page;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a kind from a local file: a JSON array of objects or JSON lines, {@code pageSize} objects
 * per page, the cursor being the byte offset where the next page starts. Each page opens the file,
 * seeks and reads only that page, so a huge export is never held in memory nor re-read from the
 * start. With {@code itemsPath} the file is one JSON document and is read whole, as one page.
 */
final class FilePageFetcher implements Fetcher {

    static final int PAGE_SIZE = 1000;
    private static final byte[] ARRAY_START = {'['};
    /** Reads one element where the parser stands; the rest of the array follows, so it is no trailing garbage. */
    private static final ObjectReader ELEMENT = Json.MAPPER.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final CustomKind kind;
    private final Path file;
    private final int pageSize;
    private final FileFolders folders;

    FilePageFetcher(CustomKind kind, int pageSize, FileFolders folders) {
        this.kind = kind;
        this.file = Path.of(kind.url());
        this.pageSize = pageSize;
        this.folders = folders;
    }

    @Override
    public Page fetch(String cursor) throws FetchException {
        // Checked at every page, not only when the settings were saved: the allowed folders are the
        // server's start-up choice, and a link may have been changed since.
        String outside = folders.problem(file);
        if (outside != null) throw new FetchException(kind.name() + ": " + outside + "; check " + kind.path() + ".url", false);
        long offset = cursor == null ? 0 : Long.parseLong(cursor);
        try (FileChannel channel = FileChannel.open(file)) {
            if (kind.itemsPath() != null) {
                return Page.last(new PageBody(kind).read(Channels.newInputStream(channel), source()).objects());
            }
            boolean array = firstSignificantByte(channel) == '[';
            channel.position(offset);
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
            return array ? arrayPage(in, offset) : linesPage(in, offset);
        } catch (NoSuchFileException e) {
            throw new FetchException(kind.name() + ": " + source() + " does not exist; check " + kind.path() + ".url", false, e);
        } catch (AccessDeniedException e) {
            throw new FetchException(kind.name() + ": " + source() + " cannot be read (permission denied); "
                    + "let the Portolan process read it or check " + kind.path() + ".url", false, e);
        } catch (JsonProcessingException e) {
            throw new FetchException(kind.name() + ": " + source() + " is not valid JSON: " + PageBody.describe(e), false, e);
        } catch (IOException e) {
            throw new FetchException(kind.name() + ": reading " + source() + " failed: " + e, true, e);
        }
    }

    /**
     * A page of a JSON array. A later page starts at an element, so a {@code [} is put in front of the
     * rest of the file to make it an array again; the parser's offsets are then one byte ahead.
     */
    private Page arrayPage(InputStream in, long offset) throws IOException, FetchException {
        InputStream array = offset == 0 ? in : new SequenceInputStream(new ByteArrayInputStream(ARRAY_START), in);
        long shift = offset == 0 ? 0 : offset - ARRAY_START.length;
        List<JsonNode> objects = new ArrayList<>();
        try (JsonParser parser = Json.MAPPER.createParser(array)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) throw notArrayOrLines();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) throw new FetchException(kind.name() + ": " + source() + " ends before its array is closed", false);
                long at = parser.currentTokenLocation().getByteOffset() + shift;
                if (objects.size() == pageSize) return new Page(objects, String.valueOf(at));
                objects.add(object(ELEMENT.readValue(parser), at));
            }
        }
        return Page.last(objects);
    }

    /** A page of JSON lines: one object per line, blank lines skipped. */
    private Page linesPage(InputStream in, long offset) throws IOException, FetchException {
        List<JsonNode> objects = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long position = offset;
        long lineStart = offset;
        for (int b = in.read(); ; b = in.read()) {
            if (b != '\n' && b != -1) {
                line.write(b);
                position++;
                continue;
            }
            if (!line.toString(StandardCharsets.UTF_8).isBlank()) {
                if (objects.size() == pageSize) return new Page(objects, String.valueOf(lineStart));
                objects.add(object(parseLine(line.toByteArray(), lineStart), lineStart));
            }
            if (b == -1) return Page.last(objects);
            position++;
            lineStart = position;
            line.reset();
        }
    }

    private JsonNode parseLine(byte[] line, long lineStart) throws FetchException {
        try {
            return Json.MAPPER.readTree(line);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j ? PageBody.describe(j) : "it cannot be read";
            throw new FetchException(kind.name() + ": the line at byte " + lineStart + " of " + source() + " is not valid JSON: " + why
                    + "; a file must be one JSON array or JSON lines (one object per line), else set " + kind.path() + ".itemsPath", false, e);
        }
    }

    private JsonNode object(JsonNode value, long near) throws FetchException {
        if (value.isObject()) return value;
        throw new FetchException(kind.name() + ": " + source() + " holds " + Json.typeName(value) + " near byte " + near
                + " where an object was expected; a file must be a JSON array of objects or JSON lines of objects", false);
    }

    private FetchException notArrayOrLines() {
        return new FetchException(kind.name() + ": " + source() + " is neither a JSON array nor JSON lines; "
                + "set " + kind.path() + ".itemsPath to the array of objects in it", false);
    }

    /** The first byte that is not whitespace nor a UTF-8 byte order mark, or -1 for an empty file. */
    private static int firstSignificantByte(FileChannel channel) throws IOException {
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
        for (int b = in.read(); b != -1; b = in.read()) {
            if (!Character.isWhitespace(b) && b != 0xEF && b != 0xBB && b != 0xBF) return b;
        }
        return -1;
    }

    private String source() {
        return "file " + file;
    }
}
