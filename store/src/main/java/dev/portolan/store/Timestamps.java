package dev.portolan.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps as stored: ISO-8601 in UTC with exactly nine fraction digits. The fixed width makes
 * text order equal time order on both dialects, and every {@link Instant} round-trips exactly.
 */
final class Timestamps {

    private static final DateTimeFormatter STORED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    static String format(Instant instant) {
        return instant == null ? null : STORED.format(instant);
    }

    static Instant parse(String stored) {
        return stored == null ? null : Instant.parse(stored);
    }
}
