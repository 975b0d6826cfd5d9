package dev.portolan.integrations.github;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The last answer to each GET, kept between resyncs with its {@code ETag}, so that the next request
 * for the same URL asks {@code If-None-Match} and a {@code 304 Not Modified} (which GitHub does not
 * count against the rate limit) is served from here. Bodies are kept gzipped; when the cache grows
 * past its budget it is emptied (the next resync then pays full requests once). One per
 * installation, in memory: a restart starts it empty. Thread-safe.
 */
final class EtagCache {

    /** A cached answer: its validator, its body, and the next page's URL its Link header gave (or null). */
    record Entry(String etag, byte[] gzippedBody, String next) {
        String body() {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzippedBody))) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long budgetBytes;

    EtagCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    Entry get(String url) {
        return entries.get(url);
    }

    void put(String url, String etag, String body, String next) {
        byte[] gzipped = gzip(body);
        if (bytes.get() + gzipped.length > budgetBytes) {
            entries.clear();
            bytes.set(0);
        }
        Entry previous = entries.put(url, new Entry(etag, gzipped, next));
        bytes.addAndGet(gzipped.length - (previous == null ? 0 : previous.gzippedBody().length));
    }

    long sizeBytes() {
        return bytes.get();
    }

    int size() {
        return entries.size();
    }

    private static byte[] gzip(String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length() / 6));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
