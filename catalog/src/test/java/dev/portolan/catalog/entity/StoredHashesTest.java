package dev.portolan.catalog.entity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredHashesTest {

    private static final String A = "q1w2e3r4t5y6u7i8o9p0asdfghjklzxcvbnm-_QWERT";
    private static final String B = "Zq1w2e3r4t5y6u7i8o9p0asdfghjklzxcvbnm-_QWER";

    /** The hand decoding gives the bits Java's decoder gives, for real content hashes and random base64url texts. */
    @Test
    void readsTheFirst64BitsOfAContentHashAsTheDecoderDoes() {
        java.util.Random random = new java.util.Random(9);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < 100_000; i++) {
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            String hash = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            assertThat(StoredHashes.content(hash)).isEqualTo(java.nio.ByteBuffer.wrap(digest).getLong());
            StringBuilder text = new StringBuilder();
            for (int c = 12 + random.nextInt(40); c > 0; c--) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            byte[] decoded = java.util.Base64.getUrlDecoder().decode(text.substring(0, 12));
            assertThat(StoredHashes.content(text.toString())).as(text.toString()).isEqualTo(java.nio.ByteBuffer.wrap(decoded).getLong());
        }
        // Not base64: still a stable value of the text, different for different texts.
        assertThat(StoredHashes.content("not base64 at all!")).isEqualTo(StoredHashes.content("not base64 at all!"))
                .isNotEqualTo(StoredHashes.content("not base64 at all?"));
    }

    @Test
    void matchesOnlyTheHashItHoldsForThatEntity() {
        StoredHashes hashes = new StoredHashes();
        hashes.put("service", "a", A);

        assertThat(hashes.matches("service", "a", A)).isTrue();
        assertThat(hashes.matches("service", "a", B)).isFalse();
        assertThat(hashes.matches("service", "b", A)).isFalse();
        assertThat(hashes.matches("team", "a", A)).isFalse();
    }

    @Test
    void computesTheHashOnlyForAnEntityItKnows() {
        StoredHashes hashes = new StoredHashes();
        hashes.put("service", "a", A);
        java.util.concurrent.atomic.AtomicInteger computed = new java.util.concurrent.atomic.AtomicInteger();

        assertThat(hashes.matches("service", "b", () -> { computed.incrementAndGet(); return A; })).isFalse();
        assertThat(computed).hasValue(0);
        assertThat(hashes.matches("service", "a", () -> { computed.incrementAndGet(); return A; })).isTrue();
        assertThat(hashes.matches("service", "a", () -> { computed.incrementAndGet(); return B; })).isFalse();
        assertThat(computed).hasValue(2);
    }

    @Test
    void aLaterPutReplacesTheHashAndANullOneForgetsTheEntity() {
        StoredHashes hashes = new StoredHashes();
        hashes.put("service", "a", A);
        hashes.put("service", "a", B);

        assertThat(hashes.matches("service", "a", B)).isTrue();
        assertThat(hashes.size()).isEqualTo(1);

        hashes.put("service", "a", null);

        assertThat(hashes.matches("service", "a", B)).isFalse();
        assertThat(hashes.size()).isZero();
    }

    @Test
    void keepsEveryEntryThroughGrowthAndRemovals() {
        StoredHashes hashes = new StoredHashes();
        int n = 50_000;
        for (int i = 0; i < n; i++) hashes.put("service", "s-" + i, i % 2 == 0 ? A : B);
        for (int i = 0; i < n; i += 3) hashes.remove("service", "s-" + i);

        for (int i = 0; i < n; i++) {
            boolean kept = i % 3 != 0;
            assertThat(hashes.matches("service", "s-" + i, i % 2 == 0 ? A : B)).as("s-" + i).isEqualTo(kept);
        }
        assertThat(hashes.size()).isEqualTo(n - (n + 2) / 3);
    }

    @Test
    void everyKeyAsksAboutEachEntityItHoldsByItsKeyHash() {
        StoredHashes hashes = new StoredHashes();
        for (int i = 0; i < 10_000; i++) hashes.put("service", "s" + i, A);
        hashes.remove("service", "s7");
        java.util.Set<Long> produced = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) if (i != 7) produced.add(EntityKeyHash.of("service", "s" + i));

        assertThat(hashes.everyKey(produced::contains)).isTrue();
        produced.remove(EntityKeyHash.of("service", "s9999"));
        assertThat(hashes.everyKey(produced::contains)).isFalse();
        assertThat(new StoredHashes().everyKey(key -> false)).isTrue();
    }

    @Test
    void hashesThatAreNotBase64AreComparedToo() {
        StoredHashes hashes = new StoredHashes();
        hashes.put("service", "a", "not base64 at all!");

        assertThat(hashes.matches("service", "a", "not base64 at all!")).isTrue();
        assertThat(hashes.matches("service", "a", "not base64 at all?")).isFalse();
        assertThat(hashes.matches("service", "a", A)).isFalse();
    }
}
