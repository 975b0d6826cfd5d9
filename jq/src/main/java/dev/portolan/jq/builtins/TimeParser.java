package dev.portolan.jq.builtins;

import dev.portolan.jq.JqException;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;

/** C's {@code strptime} for the common conversions; fails with jq's message when the text does not match. */
final class TimeParser {
    private final String text;
    private final String format;
    private int pos;
    private int year = 1900;
    private int month = 1;
    private int day = 1;
    private int hour;
    private int minute;
    private int second;
    private int pm = -1;
    private long epoch = Long.MIN_VALUE;

    private TimeParser(String text, String format) {
        this.text = text;
        this.format = format;
    }

    static LocalDateTime parse(String text, String format) {
        return new TimeParser(text, format).run();
    }

    private JqException mismatch() {
        return new JqException("date \"" + text + "\" does not match format \"" + format + "\"");
    }

    private LocalDateTime run() {
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < format.length()) {
                convert(format.charAt(++i));
            } else if (Character.isWhitespace(c)) {
                while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                    pos++;
                }
            } else if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
            } else {
                throw mismatch();
            }
        }
        if (pos != text.length()) {
            throw mismatch();
        }
        if (epoch != Long.MIN_VALUE) {
            return LocalDateTime.ofEpochSecond(epoch, 0, java.time.ZoneOffset.UTC);
        }
        if (pm >= 0) {
            hour = hour % 12 + (pm == 1 ? 12 : 0);
        }
        try {
            // Like jq 1.8 (C strptime then timegm), a %z offset is read but not applied: the fields stay as written.
            return LocalDateTime.of(year, month, day, hour, minute, Math.min(second, 59));
        } catch (java.time.DateTimeException e) {
            throw mismatch();
        }
    }

    private int number(int maxDigits) {
        int start = pos;
        boolean negative = pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+');
        if (negative) {
            pos++;
        }
        while (pos < text.length() && pos - start < maxDigits + (negative ? 1 : 0) && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos == start || (negative && pos == start + 1)) {
            throw mismatch();
        }
        return Integer.parseInt(text.substring(start, pos));
    }

    private void convert(char spec) {
        switch (spec) {
            case 'Y' -> year = number(4);
            case 'm' -> month = number(2);
            case 'd', 'e' -> {
                skipSpaces();
                day = number(2);
            }
            case 'H', 'k' -> {
                skipSpaces();
                hour = number(2);
            }
            case 'I', 'l' -> {
                skipSpaces();
                hour = number(2);
            }
            case 'M' -> minute = number(2);
            case 'S' -> second = number(2);
            case 'y' -> {
                int y = number(2);
                year = y < 69 ? 2000 + y : 1900 + y;
            }
            case 'j' -> {
                int yday = number(3);
                LocalDateTime d = LocalDateTime.of(year, 1, 1, 0, 0).plusDays(yday - 1);
                month = d.getMonthValue();
                day = d.getDayOfMonth();
            }
            case 's' -> epoch = number(19);
            case 'p' -> pm = word(new String[] {"AM", "PM"});
            case 'a', 'A' -> word(dayNames());
            case 'b', 'B', 'h' -> month = word(monthNames()) % 12 + 1;
            case 'Z' -> {
                while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
                    pos++;
                }
            }
            case 'z' -> zoneOffset();
            case 'T' -> {
                convert('H');
                literal(':');
                convert('M');
                literal(':');
                convert('S');
            }
            case 'R' -> {
                convert('H');
                literal(':');
                convert('M');
            }
            case 'F' -> {
                convert('Y');
                literal('-');
                convert('m');
                literal('-');
                convert('d');
            }
            case 'D' -> {
                convert('m');
                literal('/');
                convert('d');
                literal('/');
                convert('y');
            }
            case 'n', 't' -> skipSpaces();
            case '%' -> literal('%');
            default -> throw mismatch();
        }
    }

    /** Reads {@code Z}, {@code +hhmm} or {@code -hh:mm}; the offset is not applied (see {@link #parse}). */
    private void zoneOffset() {
        if (pos < text.length() && text.charAt(pos) == 'Z') {
            pos++;
            return;
        }
        if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
            pos++;
        } else {
            throw mismatch();
        }
        number(2);
        if (pos < text.length() && text.charAt(pos) == ':') {
            pos++;
        }
        number(2);
    }

    private void literal(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw mismatch();
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    /** Matches one of the names (full names first, then 3-letter abbreviations); returns its index. */
    private int word(String[] names) {
        for (int i = 0; i < names.length; i++) {
            if (text.regionMatches(true, pos, names[i], 0, names[i].length())) {
                pos += names[i].length();
                return i;
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].length() > 3 && text.regionMatches(true, pos, names[i], 0, 3)) {
                pos += 3;
                return i;
            }
        }
        throw mismatch();
    }

    private static String[] monthNames() {
        String[] names = new String[12];
        for (Month m : Month.values()) {
            names[m.ordinal()] = m.getDisplayName(TextStyle.FULL, Locale.US);
        }
        return names;
    }

    private static String[] dayNames() {
        return new String[] {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    }
}
