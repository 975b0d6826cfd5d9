package dev.portolan.catalog.entity;

import java.nio.charset.StandardCharsets;

/**
 * A 64-bit hash of an entity's key (blueprint, identifier), for the compact tables a resync keeps
 * of a million entities ({@link StoredHashes}, and the sync's set of produced keys): FNV-1a over the
 * UTF-8 bytes of the blueprint, a separator no blueprint identifier has, and the identifier; then
 * mixed, so that the low bits an open-addressing table indexes by are spread.
 */
public final class EntityKeyHash {

    private EntityKeyHash() {}

    public static long of(String blueprint, String identifier) {
        long h = 0xcbf29ce484222325L;
        h = fnv(h, blueprint);
        h = (h ^ 0x1F) * 0x100000001b3L;
        h = fnv(h, identifier);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** FNV-1a over a text's UTF-8 bytes, continuing from {@code h}. */
    static long fnv(long h, String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) h = (h ^ (b & 0xff)) * 0x100000001b3L;
        return h;
    }
}
