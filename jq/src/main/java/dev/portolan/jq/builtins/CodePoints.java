package dev.portolan.jq.builtins;

/** Converts between UTF-16 indexes and code point offsets; free for strings without surrogates. */
final class CodePoints {
    private final String s;
    private final boolean simple;

    CodePoints(String s) {
        this.s = s;
        this.simple = s.codePoints().count() == s.length();
    }

    int at(int charIndex) {
        return simple ? charIndex : s.codePointCount(0, charIndex);
    }

    int charIndex(int codePointOffset) {
        return simple ? codePointOffset : s.offsetByCodePoints(0, codePointOffset);
    }
}
