package dev.portolan.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps as stored: ISO-8601 in UTC with exactly nine fraction digits. The fixed width makes
 * text order equal time order on both dialects, and every {@link Instant} round-trips exactly.
 */
final class Timestamps {

    private static final DateTimeFormatter STORED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** {@code 2026-12-07T16:46:56.123456789Z}: the shape {@link #STORED} writes for years 0 to 9999. */
    private static final int STORED_LENGTH = 30;

    private Timestamps() {}

    /**
     * Writes the stored shape by hand for years 0 to 9999 (every entity written stores two
     * timestamps and its audit record a third: the formatter's general machinery was 3% of a cold
     * resync's Java time on the writing thread); other years go to the formatter.
     */
    static String format(Instant instant) {
        if (instant == null) return null;
        long seconds = instant.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        if (date.getYear() < 0 || date.getYear() > 9999) return STORED.format(instant);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        byte[] text = new byte[STORED_LENGTH];
        put(text, 0, 4, date.getYear());
        text[4] = '-';
        put(text, 5, 2, date.getMonthValue());
        text[7] = '-';
        put(text, 8, 2, date.getDayOfMonth());
        text[10] = 'T';
        put(text, 11, 2, secondOfDay / 3_600);
        text[13] = ':';
        put(text, 14, 2, secondOfDay / 60 % 60);
        text[16] = ':';
        put(text, 17, 2, secondOfDay % 60);
        text[19] = '.';
        put(text, 20, 9, instant.getNano());
        text[29] = 'Z';
        return new String(text, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Writes {@code value} as {@code count} decimal digits, zero-padded, at {@code from}. */
    private static void put(byte[] text, int from, int count, int value) {
        for (int i = from + count - 1; i >= from; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * Reads a stored timestamp. The stored shape is read by hand: a resync reads the update time of
     * every entity its integration owns, and {@link Instant#parse} spent more time on them than the
     * database took to return the rows. Anything of another shape goes to {@link Instant#parse}.
     */
    static Instant parse(String stored) {
        if (stored == null) return null;
        if (!hasStoredShape(stored)) return Instant.parse(stored);
        int hour = digits(stored, 11, 2);
        int minute = digits(stored, 14, 2);
        int second = digits(stored, 17, 2);
        if (hour > 23 || minute > 59 || second > 59) return Instant.parse(stored); // let it say what is wrong
        long day = LocalDate.of(digits(stored, 0, 4), digits(stored, 5, 2), digits(stored, 8, 2)).toEpochDay();
        return Instant.ofEpochSecond(day * 86_400 + hour * 3_600L + minute * 60L + second, digits(stored, 20, 9));
    }

    private static boolean hasStoredShape(String text) {
        if (text.length() != STORED_LENGTH) return false;
        for (int i = 0; i < STORED_LENGTH; i++) {
            char c = text.charAt(i);
            boolean ok = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == 'T';
                case 13, 16 -> c == ':';
                case 19 -> c == '.';
                case 29 -> c == 'Z';
                default -> c >= '0' && c <= '9';
            };
            if (!ok) return false;
        }
        return true;
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) value = value * 10 + (text.charAt(i) - '0');
        return value;
    }
}
