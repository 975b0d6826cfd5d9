package dev.portolan.jq.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * A reader that keeps the text read since a given offset, so that the input value being parsed
 * can be read again when the JSON parser refuses it (to name the error as jq does).
 *
 * <p>The kept text is the current value plus the parser's read-ahead: memory of the order of the
 * value's tree, which the parser builds anyway. Not thread-safe, like any reader.
 */
final class KeptTextReader extends Reader {
    /** Kept text is compacted only past this many dead characters, so forgetting stays amortized O(1). */
    private static final int COMPACT_AT = 1 << 16;
    private final Reader in;
    private final StringBuilder kept = new StringBuilder();
    /** Offset in the whole input of {@code kept}'s first character. */
    private long keptFrom;
    /** Characters at the start of {@code kept} that are no longer needed. */
    private int dead;
    private boolean ended;

    KeptTextReader(Reader in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            kept.append(buffer, offset, n);
        } else if (n < 0) {
            ended = true;
        }
        return n;
    }

    /** Forgets the text before {@code offset} (an offset in the whole input). */
    void forgetBefore(long offset) {
        dead = (int) Math.max(dead, Math.min(kept.length(), offset - keptFrom));
        if (dead > COMPACT_AT && dead > kept.length() / 2) {
            kept.delete(0, dead);
            keptFrom += dead;
            dead = 0;
        }
    }

    /**
     * The kept text from {@code offset} on, after reading up to {@code more} further characters
     * (an error may only show a little after where the parser stopped).
     */
    String keptFrom(long offset, int more) throws IOException {
        char[] buffer = new char[8192];
        for (int total = 0; total < more && !ended; ) {
            int n = read(buffer, 0, Math.min(buffer.length, more - total));
            total += Math.max(n, 0);
        }
        int from = (int) Math.max(0, Math.min(kept.length(), offset - keptFrom));
        return kept.substring(from);
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
