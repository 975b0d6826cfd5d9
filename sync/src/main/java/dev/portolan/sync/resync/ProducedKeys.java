package dev.portolan.sync.resync;

import dev.portolan.catalog.entity.EntityKeyHash;

/**
 * The set of entities a resync produced, kept as 64-bit hashes of (blueprint, identifier) in an
 * open-addressing table: 1M entities take about 16 MB instead of the ~150 MB of a set of strings,
 * which is what keeps a resync's memory flat. Two different keys sharing a hash would make one
 * stale entity survive a resync (never a wrong deletion); with 64 bits that is about one chance in
 * 10^7 for 10^6 entities. Not thread-safe: one resync, one thread.
 */
final class ProducedKeys {

    private static final long EMPTY = 0L;
    private long[] table = new long[1 << 12];
    private int size;
    private boolean containsZero;

    void add(String blueprint, String identifier) {
        long hash = hash(blueprint, identifier);
        if (hash == EMPTY) {
            containsZero = true;
            return;
        }
        if ((size + 1) * 2L > table.length) grow();
        if (insert(table, hash)) size++;
    }

    boolean contains(String blueprint, String identifier) {
        return containsHash(hash(blueprint, identifier));
    }

    /** Whether a key with this {@link EntityKeyHash} was produced. */
    boolean containsHash(long hash) {
        if (hash == EMPTY) return containsZero;
        int mask = table.length - 1;
        for (int i = index(hash, mask); ; i = (i + 1) & mask) {
            if (table[i] == EMPTY) return false;
            if (table[i] == hash) return true;
        }
    }

    int size() {
        return size + (containsZero ? 1 : 0);
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        for (long value : table) {
            if (value != EMPTY) insert(bigger, value);
        }
        table = bigger;
    }

    private static boolean insert(long[] into, long hash) {
        int mask = into.length - 1;
        for (int i = index(hash, mask); ; i = (i + 1) & mask) {
            if (into[i] == hash) return false;
            if (into[i] == EMPTY) {
                into[i] = hash;
                return true;
            }
        }
    }

    private static int index(long hash, int mask) {
        return (int) (hash ^ (hash >>> 32)) & mask;
    }

    static long hash(String blueprint, String identifier) {
        return EntityKeyHash.of(blueprint, identifier);
    }
}
