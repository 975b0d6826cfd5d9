package dev.portolan.jq.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * A buffering reader that keeps the text read since a given offset, so that the input value being
 * parsed can be read again when the JSON parser refuses it (to name the error as jq does).
 *
 * <p>It is the buffer itself (give it an unbuffered reader): the text is copied once into it and
 * once out to the parser, as a {@code BufferedReader} would. The kept text is the current value
 * plus the parser's read-ahead: memory of the order of the value's tree, which the parser builds
 * anyway. Not thread-safe, like any reader.
 */
final class KeptTextReader extends Reader {
    private static final int BLOCK = 1 << 16;
    private final Reader in;
    /** The buffered text is {@code text[0..length)}; {@code text[served..length)} is not read yet. */
    private char[] text = new char[2 * BLOCK];
    private int length;
    private int served;
    /** Offset in the whole input of {@code text[0]}. */
    private long textFrom;
    /** Characters at the start of {@code text} that are no longer needed. */
    private int dead;
    private boolean ended;

    KeptTextReader(Reader in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int count) throws IOException {
        if (served == length && !fill()) {
            return -1;
        }
        int n = Math.min(count, length - served);
        System.arraycopy(text, served, buffer, offset, n);
        served += n;
        return n;
    }

    /** Reads one more block from the source; false at its end. */
    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        if (text.length - length < BLOCK) {
            if (dead > length / 2) {
                System.arraycopy(text, dead, text, 0, length - dead);
                length -= dead;
                served -= dead;
                textFrom += dead;
                dead = 0;
            }
            if (text.length - length < BLOCK) {
                text = Arrays.copyOf(text, Math.max(2 * text.length, length + BLOCK));
            }
        }
        int n = in.read(text, length, text.length - length);
        if (n < 0) {
            ended = true;
            return false;
        }
        length += n;
        return true;
    }

    /** Forgets the text before {@code offset} (an offset in the whole input). */
    void forgetBefore(long offset) {
        dead = (int) Math.max(dead, Math.min(served, offset - textFrom));
    }

    /**
     * The kept text from {@code offset} on, after reading up to {@code more} further characters
     * (an error may only show a little after where the parser stopped).
     */
    String keptFrom(long offset, int more) throws IOException {
        while (length - served < more && fill()) {
            // reads on
        }
        int from = (int) Math.max(0, Math.min(length, offset - textFrom));
        return new String(text, from, length - from);
    }

    /** Whether the whole input has been read. */
    boolean ended() {
        return ended;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
