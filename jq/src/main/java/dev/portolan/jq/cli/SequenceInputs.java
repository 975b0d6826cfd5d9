package dev.portolan.jq.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonParser;
import dev.portolan.jq.builtins.JsonTextErrors;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * {@code --seq} inputs: a JSON text sequence (RFC 7464), each text after an ASCII RS. As in jq,
 * a text that does not read is not fatal: "jq: ignoring parse error: ..." is written to the
 * error stream and reading goes on after the next RS. One text is held at a time.
 */
final class SequenceInputs implements Iterator<JsonNode> {
    private final Reader in;
    private final PrintStream err;
    private final Deque<JsonNode> ready = new ArrayDeque<>();
    private int line = 1;
    private int column;
    private boolean ended;

    SequenceInputs(Reader in, PrintStream err) {
        this.in = in;
        this.err = err;
    }

    @Override
    public boolean hasNext() {
        try {
            while (ready.isEmpty() && !ended) {
                readText();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return !ready.isEmpty();
    }

    @Override
    public JsonNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    /** Reads up to and including the next RS (or the end), queueing the values that read. */
    private void readText() throws IOException {
        StringBuilder text = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            text.append((char) c);
            if (c == JsonTextErrors.RECORD_SEPARATOR) {
                break;
            }
        }
        ended = c < 0;
        JsonTextErrors.Reading reading = JsonTextErrors.read(text, line, column, ended, true);
        line = reading.line();
        column = reading.column();
        // The values jq reads before any error (a text cut short before a whitespace and an RS is dropped).
        String json = text.toString().replace(JsonTextErrors.RECORD_SEPARATOR, ' ');
        try (JsonParser values = JqCommandLine.mapper().createParser(json)) {
            for (int i = 0; i < reading.values() && values.nextToken() != null; i++) {
                ready.add(JqCommandLine.mapper().readTree(values));
            }
        } catch (IOException e) {
            // jq reads what Jackson does not (a number such as 01): say what Jackson says.
            err.println("jq: ignoring parse error: " + JqCommandLine.inputError(e));
        }
        if (reading.error() != null) {
            err.println("jq: ignoring parse error: " + reading.error());
        }
    }
}
