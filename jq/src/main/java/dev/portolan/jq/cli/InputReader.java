package dev.portolan.jq.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.portolan.jq.Jq;
import dev.portolan.jq.JqProgram;
import dev.portolan.jq.value.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** The command line's inputs: JSON texts (or raw lines with {@code -R}) from files or stdin, slurped with {@code -s}. */
final class InputReader {
    private InputReader() {
    }

    static Iterator<JsonNode> open(CliOptions options, InputStream stdin, PrintStream err) throws IOException {
        InputStream source = stdin;
        if (!options.files.isEmpty()) {
            List<InputStream> streams = new ArrayList<>();
            for (String f : options.files) {
                streams.add(Files.newInputStream(Path.of(f)));
            }
            source = new SequenceInputStream(Collections.enumeration(streams));
        }
        Reader decoded = new InputStreamReader(source, StandardCharsets.UTF_8);
        Reader reader = new BufferedReader(decoded, 1 << 16);
        // JsonInputs buffers by itself (it keeps the text of the value being read).
        Iterator<JsonNode> values = options.rawInput ? rawLines(reader, options.slurp)
                : options.seq ? new SequenceInputs(reader, err) : new JsonInputs(decoded);
        if (options.stream) {
            values = streamed(values);
        }
        if (options.slurp && !options.rawInput) {
            ArrayNode all = Json.array();
            values.forEachRemaining(all::add);
            return List.<JsonNode>of(all).iterator();
        }
        return values;
    }

    /** {@code --stream}: each input as its {@code tostream} events (computed per input, not incrementally). */
    private static Iterator<JsonNode> streamed(Iterator<JsonNode> values) {
        JqProgram toStream = Jq.compile("tostream");
        Iterable<JsonNode> all = () -> values;
        return java.util.stream.StreamSupport.stream(all.spliterator(), false)
                .flatMap(v -> toStream.apply(v).stream())
                .iterator();
    }

    private static Iterator<JsonNode> rawLines(Reader reader, boolean slurp) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        if (slurp) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            int n;
            while ((n = lines.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
            return List.of(Json.text(sb.toString())).iterator();
        }
        return lines.lines().map(Json::text).iterator();
    }
}
