package dev.portolan.integrations.custom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.settings.Settings;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.portolan.integrations.custom.Kinds.violations;
import static org.assertj.core.api.Assertions.assertThat;

class CustomSettingsTest {

    @Test
    void acceptsAKindWithEverySetting() {
        Settings settings = Kinds.settings("service", "{'url': 'https://api.internal/services?limit=100', 'itemsPath': '.items',"
                + " 'nextPath': '.next', 'cursorParam': 'after', 'headers': {'Authorization': 'Bearer t'}, 'timeoutSeconds': 5}");

        CustomKind kind = CustomSettings.kinds(settings).get("service");

        assertThat(kind.url().toString()).isEqualTo("https://api.internal/services?limit=100");
        assertThat(kind.itemsPath()).isEqualTo(".items");
        assertThat(kind.nextPath()).isEqualTo(".next");
        assertThat(kind.cursorParam()).isEqualTo("after");
        assertThat(kind.headers()).containsEntry("Authorization", "Bearer t");
        assertThat(kind.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void fillsTheDefaultsOfAKindWithOnlyAUrl() {
        CustomKind kind = CustomSettings.kinds(Kinds.settings("service", "{'url': 'file:///data/services.json'}")).get("service");

        assertThat(kind.isFile()).isTrue();
        assertThat(kind.itemsPath()).isNull();
        assertThat(kind.cursorParam()).isEqualTo("cursor");
        assertThat(kind.headers()).isEmpty();
        assertThat(kind.timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void listsTheDeclaredKindsInOrder() {
        Settings settings = CustomSettings.DEFINITION.parse(Json.parse("""
                {"kinds": {"team": {"url": "https://a/t"}, "service": {"url": "https://a/s"}, "api-v2": {"url": "https://a/v"}}}"""));

        assertThat(new CustomIntegration(Kinds.TEMP_FILES).kinds(settings)).containsExactly("team", "service", "api-v2");
    }

    @Test
    void refusesSettingsWithoutKinds() {
        assertThat(violations("{}")).containsOnlyKeys("settings.kinds");
        assertThat(violations("{'kinds': {}}")).hasEntrySatisfying("settings.kinds", m -> assertThat(m).contains("declares no kind"));
    }

    @Test
    void refusesAKindWithoutAValidUrl() {
        assertThat(violations("{'kinds': {'a': {}, 'b': {'url': 'ftp://x/y'}, 'c': {'url': 'https:///path'},"
                + " 'd': {'url': 'file:data.json'}, 'e': {'url': 'not a url'}, 'f': {'url': 42}}}"))
                .containsOnlyKeys("settings.kinds.a.url", "settings.kinds.b.url", "settings.kinds.c.url", "settings.kinds.d.url",
                        "settings.kinds.e.url", "settings.kinds.f.url")
                .hasEntrySatisfying("settings.kinds.a.url", m -> assertThat(m).contains("is required"))
                .hasEntrySatisfying("settings.kinds.b.url", m -> assertThat(m).contains("'ftp://x/y'", "http://, https:// or file:"))
                .hasEntrySatisfying("settings.kinds.c.url", m -> assertThat(m).contains("has no host"))
                .hasEntrySatisfying("settings.kinds.d.url", m -> assertThat(m).contains("file:///var/data/services.json"));
    }

    @Test
    void reportsJqThatDoesNotCompileKeyedByItsPathWithJqsMessage() {
        var problems = violations("{'kinds': {'service': {'url': 'https://a/s', 'itemsPath': '.items[', 'nextPath': 'nosuchfunction(1)'}}}");

        assertThat(problems).containsOnlyKeys("settings.kinds.service.itemsPath", "settings.kinds.service.nextPath");
        assertThat(problems.get("settings.kinds.service.itemsPath")).startsWith("'.items[' is not valid jq: ").hasSizeGreaterThan(30);
        assertThat(problems.get("settings.kinds.service.nextPath")).contains("nosuchfunction");
    }

    @Test
    void refusesAnUnknownKeyListingTheAllowedOnes() {
        assertThat(violations("{'kinds': {'service': {'url': 'https://a/s', 'itemPath': '.items'}}}"))
                .containsOnlyKeys("settings.kinds.service.itemPath")
                .containsValue("unknown key; a kind takes: url, itemsPath, nextPath, cursorParam, headers, timeoutSeconds, secretQueryParams");
    }

    @Test
    void refusesAKindNameOutsideLettersDigitsUnderscoreAndDash() {
        assertThat(violations("{'kinds': {'my kind': {'url': 'https://a/s'}, 'ok_kind-2': {'url': 'https://a/t'}}}"))
                .containsOnlyKeys("settings.kinds.my kind");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThat(violations("{'kinds': {'a': {'url': 'https://a/s', 'timeoutSeconds': 0, 'cursorParam': '',"
                + " 'headers': {'Host': 'x', 'X-Ok': 1}}, 'b': 'https://b'}, 'other': 1}"))
                .containsOnlyKeys("settings.other", "settings.kinds.a.timeoutSeconds", "settings.kinds.a.cursorParam",
                        "settings.kinds.a.headers.Host", "settings.kinds.a.headers.X-Ok", "settings.kinds.b");
    }

    @Test
    void refusesHttpOnlyKeysOnAFile() {
        assertThat(violations("{'kinds': {'a': {'url': 'file:///x.json', 'nextPath': '.next', 'headers': {}}}}"))
                .containsOnlyKeys("settings.kinds.a.nextPath", "settings.kinds.a.headers");
    }

    @Test
    void hidesHeaderValuesWhenRedacted() {
        Settings settings = CustomSettings.DEFINITION.parse(Json.parse("""
                {"kinds": {"service": {"url": "https://a/s", "itemsPath": ".items",
                                       "headers": {"Authorization": "Bearer s3cret", "X-Api-Key": "k3y"}},
                           "team": {"url": "https://a/t"}}}"""));

        JsonNode redacted = settings.redacted();

        assertThat(redacted.path("kinds").path("service").path("headers").path("Authorization").asText()).isEqualTo(Settings.REDACTED);
        assertThat(redacted.path("kinds").path("service").path("headers").path("X-Api-Key").asText()).isEqualTo(Settings.REDACTED);
        assertThat(redacted.path("kinds").path("service").path("url").asText()).isEqualTo("https://a/s");
        assertThat(redacted.path("kinds").path("team")).isEqualTo(Json.parse("{\"url\": \"https://a/t\"}"));
        assertThat(redacted.toString()).doesNotContain("s3cret", "k3y");
        assertThat(settings.toJson().toString()).contains("s3cret");
    }
}
