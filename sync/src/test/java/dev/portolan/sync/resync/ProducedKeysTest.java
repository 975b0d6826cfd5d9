package dev.portolan.sync.resync;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProducedKeysTest {

    @Test
    void remembersWhatWasAdded() {
        ProducedKeys keys = new ProducedKeys();
        keys.add("service", "a");
        keys.add("team", "core");

        assertThat(keys.contains("service", "a")).isTrue();
        assertThat(keys.contains("team", "core")).isTrue();
        assertThat(keys.contains("service", "b")).isFalse();
        assertThat(keys.contains("team", "a")).as("same identifier, other blueprint").isFalse();
        assertThat(keys.size()).isEqualTo(2);
    }

    @Test
    void countsAKeyAddedTwiceOnce() {
        ProducedKeys keys = new ProducedKeys();
        keys.add("service", "a");
        keys.add("service", "a");

        assertThat(keys.size()).isEqualTo(1);
    }

    @Test
    void keepsTheBoundaryBetweenBlueprintAndIdentifier() {
        ProducedKeys keys = new ProducedKeys();
        keys.add("ab", "c");

        assertThat(keys.contains("a", "bc")).isFalse();
        assertThat(ProducedKeys.hash("ab", "c")).isNotEqualTo(ProducedKeys.hash("a", "bc"));
    }

    @Test
    void handlesIdentifiersInAnyScript() {
        ProducedKeys keys = new ProducedKeys();
        keys.add("service", "Zürich-サービス");

        assertThat(keys.contains("service", "Zürich-サービス")).isTrue();
        assertThat(keys.contains("service", "Zurich-サービス")).isFalse();
    }

    @Test
    void growsFarBeyondItsFirstTableWithoutLosingKeys() {
        ProducedKeys keys = new ProducedKeys();
        int n = 200_000;
        for (int i = 0; i < n; i++) keys.add("service", "repo-" + i);

        assertThat(keys.size()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            if (!keys.contains("service", "repo-" + i)) throw new AssertionError("lost repo-" + i);
        }
        int falsePositives = 0;
        for (int i = n; i < 2 * n; i++) {
            if (keys.contains("service", "repo-" + i)) falsePositives++;
        }
        assertThat(falsePositives).isZero();
    }
}
