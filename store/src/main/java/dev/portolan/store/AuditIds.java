package dev.portolan.store;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids of audit records: UUIDs of version 7 (RFC 9562), whose first 48 bits are the Unix time in
 * milliseconds and the other 74 free bits random. A resync appends a million records; with random
 * (version 4) ids each one landed on a random page of the {@code id} column's unique index, and as the
 * log grew past the database's cache every batch read and wrote back a page per record. Ids that
 * start with the time land together at the index's end. They stay unique UUIDs, so nothing that
 * reads or filters by them changes.
 */
final class AuditIds {

    private AuditIds() {}

    static String next(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
