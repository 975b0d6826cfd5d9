package dev.portolan.catalog.integration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.json.Json;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SecretUrlsTest {

    @Test
    void hidesTheValuesOfQueryParametersWhoseNamesLookSecret() {
        assertThat(SecretUrls.redact("https://api.example.com/items?api_key=abc&limit=5&access_token=t0k&X-Amz-Signature=s1g"))
                .isEqualTo("https://api.example.com/items?api_key=********&limit=5&access_token=********&X-Amz-Signature=********");
        assertThat(SecretUrls.redact("https://x.io/a?apiKey=1&password=2&client_secret=3&sessionId=4&page=2"))
                .isEqualTo("https://x.io/a?apiKey=********&password=********&client_secret=********&sessionId=********&page=2");
    }

    @Test
    void hidesTheParametersASettingMarkedSecretWhateverTheirNames() {
        assertThat(SecretUrls.redact("https://x.io/a?tenant=acme&t=abc", Set.of("t")))
                .isEqualTo("https://x.io/a?tenant=acme&t=********");
    }

    @Test
    void hidesThePasswordOfTheUserinfoAndALoneTokenUsedAsUser() {
        assertThat(SecretUrls.redact("https://bot:hunter2@git.example.com/repo.git"))
                .isEqualTo("https://bot:********@git.example.com/repo.git");
        assertThat(SecretUrls.redact("https://ghp_abcdef@github.com/o/r.git"))
                .isEqualTo("https://********@github.com/o/r.git");
    }

    @Test
    void hidesSecretsInTheFragmentAndKeepsUrlsWithoutSecretsAsTheyAre() {
        assertThat(SecretUrls.redact("https://app.io/cb#access_token=abc&state=1")).isEqualTo("https://app.io/cb#access_token=********&state=1");
        assertThat(SecretUrls.redact("https://api.example.com/items?limit=5#top")).isEqualTo("https://api.example.com/items?limit=5#top");
        assertThat(SecretUrls.redact("file:///var/data/x.json")).isEqualTo("file:///var/data/x.json");
    }

    @Test
    void redactsEveryUrlInsideAText() {
        assertThat(SecretUrls.redact("items: GET http://h/a?token=1 answered 302 and points to https://u:p@h/b?x=1; check it"))
                .isEqualTo("items: GET http://h/a?token=******** answered 302 and points to https://u:********@h/b?x=1; check it");
        assertThat(SecretUrls.redact(null)).isNull();
    }

    @Test
    void redactsEveryStringOfAJsonTree() {
        JsonNode report = Json.parse("{\"errors\": [\"GET http://h/?api_key=k failed\"], \"n\": 1}");

        assertThat(SecretUrls.redactStrings(report, Set.of()).toString())
                .isEqualTo("{\"errors\":[\"GET http://h/?api_key=******** failed\"],\"n\":1}");
        assertThat(report.toString()).as("the original is left alone").contains("api_key=k");
    }

    @Test
    void recognisesARedactedValueSentBackAsTheStoredOne() {
        String stored = "https://h/items?api_key=abc&limit=5";

        assertThat(SecretUrls.isRedactionOf(SecretUrls.redact(stored), stored)).isTrue();
        assertThat(SecretUrls.isRedactionOf("https://h/items?api_key=********&limit=6", stored)).isFalse();
        assertThat(SecretUrls.isRedactionOf("https://other/items?api_key=********&limit=5", stored)).isFalse();
        assertThat(SecretUrls.isRedactionOf(stored, stored)).as("nothing redacted: the value is simply as given").isFalse();
    }
}
