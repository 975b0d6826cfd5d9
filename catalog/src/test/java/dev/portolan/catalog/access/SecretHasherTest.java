package dev.portolan.catalog.access;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretHasherTest {

    private static String stored;

    @BeforeAll
    static void hashOnce() {
        stored = SecretHasher.hash("correct horse battery staple");
    }

    @Test
    void matchesTheSecretItHashed() {
        assertThat(SecretHasher.matches("correct horse battery staple", stored)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery stapl", "Correct horse battery staple", "correct horse battery staple ", ""})
    void rejectsAnyOtherSecret(String secret) {
        assertThat(SecretHasher.matches(secret, stored)).isFalse();
    }

    @Test
    void rejectsAMissingSecret() {
        assertThat(SecretHasher.matches(null, stored)).isFalse();
    }

    @Test
    void storesAlgorithmIterationsSaltAndHashButNeverTheSecret() {
        assertThat(stored).matches("pbkdf2\\$\\d+\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+")
                .doesNotContain("correct").doesNotContain("staple");
    }

    @Test
    void hashesTheSameSecretDifferentlyEachTime() {
        String again = SecretHasher.hash("correct horse battery staple");

        assertThat(again).isNotEqualTo(stored);
        assertThat(SecretHasher.matches("correct horse battery staple", again)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "plain-text-secret",
            "pbkdf2",
            "pbkdf2$1000$c2FsdHNhbHRzYWx0c2FsdA==",
            "pbkdf2$1000$c2FsdA==$aGFzaA==$extra",
            "bcrypt$1000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
            "pbkdf2$many$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
            "pbkdf2$99999999999$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
            "pbkdf2$1000$not base64!$aGFzaA==",
            "pbkdf2$1000$c2FsdHNhbHRzYWx0c2FsdA==$%%%",
            "pbkdf2$1000$$aGFzaA==",
            "pbkdf2$0$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
            "pbkdf2$-5$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",
            "$$$"})
    void rejectsMalformedStoredHashesWithoutThrowing(String malformed) {
        assertThat(SecretHasher.matches("anything", malformed)).isFalse();
    }

    @Test
    void rejectsAStoredHashWhoseDigestWasTamperedWith() {
        String[] parts = stored.split("\\$");
        String tampered = parts[0] + "$" + parts[1] + "$" + parts[2] + "$" + SecretHasher.newSecret();

        assertThat(SecretHasher.matches("correct horse battery staple", tampered)).isFalse();
    }

    @Test
    void makesNewSecretsThatAreUrlSafeAndUnique() {
        String first = SecretHasher.newSecret();
        String second = SecretHasher.newSecret();

        assertThat(first).matches("[A-Za-z0-9_-]{43}");
        assertThat(second).isNotEqualTo(first);
    }
}
