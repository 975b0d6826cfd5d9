package dev.portolan.jq.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.portolan.jq.JqException;
import dev.portolan.jq.builtins.JsonTextErrors;
import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;

/**
 * The command line's JSON input values, read by Jackson. When Jackson refuses the text, the
 * value being read is read again by {@link JsonTextErrors} and the error is a {@link JqException}
 * in jq's words ("Unfinished JSON term at EOF at line 2, column 0"), as jq's {@code input} gives it.
 */
final class JsonInputs implements Iterator<JsonNode> {
    /** How far past Jackson's stop to read for jq's view of the error (jq may see it a little later). */
    private static final int LOOK_AHEAD = 1 << 16;
    private final KeptTextReader text;
    private final JsonParser parser;
    private final MappingIterator<JsonNode> values;
    private long valueStart;
    private int line = 1;
    private int column;

    JsonInputs(Reader reader) throws IOException {
        this.text = new KeptTextReader(reader);
        this.parser = JqCommandLine.mapper().createParser(text);
        this.values = JqCommandLine.mapper().readerFor(JsonNode.class).readValues(parser);
    }

    @Override
    public boolean hasNext() {
        try {
            return values.hasNext();
        } catch (RuntimeException e) {
            throw refused(e);
        }
    }

    @Override
    public JsonNode next() {
        JsonNode value;
        try {
            value = values.next();
        } catch (RuntimeException e) {
            throw refused(e);
        }
        JsonLocation end = parser.currentLocation();
        valueStart = end.getCharOffset();
        line = end.getLineNr();
        // jq's column is the one of the character before; Jackson's counts characters, jq's bytes.
        column = end.getColumnNr() - 1;
        text.forgetBefore(valueStart);
        return value;
    }

    private RuntimeException refused(RuntimeException jackson) {
        if (!fromJsonParser(jackson)) {
            return jackson;
        }
        try {
            String rest = text.keptFrom(valueStart, LOOK_AHEAD);
            JsonTextErrors.Reading reading = JsonTextErrors.read(rest, line, column, text.ended(), false);
            if (reading.error() != null) {
                return new JqException(reading.error());
            }
        } catch (IOException e) {
            jackson.addSuppressed(e);
        }
        return new JqException(JqCommandLine.inputError(jackson));
    }

    private static boolean fromJsonParser(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException) {
                return true;
            }
        }
        return false;
    }
}
