package dev.portolan.catalog.entity;

import java.util.function.Supplier;

/**
 * The content hashes of a datasource's entities, read once at the start of a resync so that an
 * entity the source still describes the same way is found <em>not changed</em> without a database
 * read or a transaction ({@link EntityService#upsert(String, java.util.List, WriteOptions, dev.portolan.catalog.Actor, StoredHashes)}).
 *
 * <p>Compact: an open-addressing table of a 64-bit hash of (blueprint, identifier) and the first 64
 * bits of the content hash, 16 bytes a slot, so 1M entities take 32 MB instead of the ~200 MB of a
 * map of strings. A wrong answer needs two 64-bit collisions at once (keys and contents), about one
 * chance in 10^19 per entity; and the cost would be one missed write that the next resync makes.
 *
 * <p>What the table says was true when it was read, and stays true for the writes made through it
 * (each write records its new hash, {@link #put}); a write made meanwhile by someone else (a person,
 * a live event) is not seen, so the resync may leave it as it is instead of writing the source's
 * version over it: the next resync does. Thread-safe.
 */
public final class StoredHashes {

    private static final long EMPTY = 0L;

    private long[] keys = new long[1 << 12];
    private long[] contents = new long[1 << 12];
    private int size;

    /** Remembers (or replaces) what an entity's content hash is. A null hash forgets the entity. */
    public synchronized void put(String blueprint, String identifier, String contentHash) {
        if (contentHash == null) {
            remove(blueprint, identifier);
            return;
        }
        if ((size + 1) * 2L > keys.length) grow();
        if (insert(keys, contents, key(blueprint, identifier), content(contentHash))) size++;
    }

    /** Whether the entity is known with this very content hash. */
    public boolean matches(String blueprint, String identifier, String contentHash) {
        return matches(blueprint, identifier, () -> contentHash);
    }

    /**
     * Whether the entity is known with the content hash given: the hash is computed only for an
     * entity the table knows, so a resync's new entities (all of a first one) cost no hash here.
     */
    public boolean matches(String blueprint, String identifier, Supplier<String> contentHash) {
        long stored;
        synchronized (this) {
            int slot = find(key(blueprint, identifier));
            if (slot < 0) return false;
            stored = contents[slot];
        }
        return stored == content(contentHash.get());
    }

    /** Forgets an entity (deleted, or written with an unknown outcome). */
    public synchronized void remove(String blueprint, String identifier) {
        int slot = find(key(blueprint, identifier));
        if (slot < 0) return;
        // Backward-shift deletion keeps every probe sequence unbroken without tombstones.
        int mask = keys.length - 1;
        int hole = slot;
        for (int i = (slot + 1) & mask; keys[i] != EMPTY; i = (i + 1) & mask) {
            int home = index(keys[i], mask);
            boolean movable = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
            if (movable) {
                keys[hole] = keys[i];
                contents[hole] = contents[i];
                hole = i;
            }
        }
        keys[hole] = EMPTY;
        contents[hole] = 0;
        size--;
    }

    /**
     * Whether every entity in the table passes {@code test}, given the 64-bit hash of its key
     * ({@link EntityKeyHash}): e.g. whether a resync produced every entity its integration owned.
     */
    public synchronized boolean everyKey(java.util.function.LongPredicate test) {
        for (long key : keys) {
            if (key != EMPTY && !test.test(key)) return false;
        }
        return true;
    }

    public synchronized int size() {
        return size;
    }

    private int find(long key) {
        int mask = keys.length - 1;
        for (int i = index(key, mask); ; i = (i + 1) & mask) {
            if (keys[i] == EMPTY) return -1;
            if (keys[i] == key) return i;
        }
    }

    private void grow() {
        long[] biggerKeys = new long[keys.length * 2];
        long[] biggerContents = new long[keys.length * 2];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) insert(biggerKeys, biggerContents, keys[i], contents[i]);
        }
        keys = biggerKeys;
        contents = biggerContents;
    }

    /** @return whether the key is new */
    private static boolean insert(long[] keys, long[] contents, long key, long content) {
        int mask = keys.length - 1;
        for (int i = index(key, mask); ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                contents[i] = content;
                return false;
            }
            if (keys[i] == EMPTY) {
                keys[i] = key;
                contents[i] = content;
                return true;
            }
        }
    }

    private static int index(long key, int mask) {
        return (int) (key ^ (key >>> 32)) & mask;
    }

    /** The entity's {@link EntityKeyHash}; never {@link #EMPTY}. */
    static long key(String blueprint, String identifier) {
        long h = EntityKeyHash.of(blueprint, identifier);
        return h == EMPTY ? 1 : h;
    }

    /**
     * The first 64 bits of a content hash ({@link ContentHash}: URL-safe base64 of a SHA-256), the 64
     * bits its first 12 characters spell (10 of 6 bits, then the top 4 of the 11th), decoded by hand:
     * every entity of a resync has its hash read this way, and a decoder and a substring for each cost
     * more than the rest of the look-up. Other text (shorter, or not of the alphabet) is hashed.
     */
    static long content(String contentHash) {
        if (contentHash.length() < 12 || sixBits(contentHash.charAt(11)) < 0) {
            return EntityKeyHash.fnv(0xcbf29ce484222325L, contentHash);
        }
        long value = 0;
        for (int i = 0; i < 11; i++) {
            int bits = sixBits(contentHash.charAt(i));
            if (bits < 0) return EntityKeyHash.fnv(0xcbf29ce484222325L, contentHash);
            value = i < 10 ? (value << 6) | bits : (value << 4) | (bits >>> 2);
        }
        return value;
    }

    /** The value of a URL-safe base64 character, or -1 for any other character. */
    private static int sixBits(char c) {
        return c < 128 ? BASE64_URL[c] : -1;
    }

    private static final byte[] BASE64_URL = new byte[128];

    static {
        java.util.Arrays.fill(BASE64_URL, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) BASE64_URL[alphabet.charAt(i)] = (byte) i;
    }
}
