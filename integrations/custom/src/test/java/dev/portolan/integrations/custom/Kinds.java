package dev.portolan.integrations.custom;

import dev.portolan.sync.files.FileFolders;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.spi.FetchContext;
import dev.portolan.sync.spi.FetchException;
import dev.portolan.sync.spi.Fetcher;
import dev.portolan.sync.spi.Page;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: settings from JSON text, an integration whose sleeps are recorded, reading every page. */
final class Kinds {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    /** Tests write their files under the temporary directory: that is where file: sources may be read. */
    static final FileFolders TEMP_FILES = FileFolders.of(List.of(Path.of(System.getProperty("java.io.tmpdir"))));

    private Kinds() {}

    /** Settings {"kinds": {name: kindJson}}; single quotes in the text stand for double quotes. */
    static Settings settings(String name, String kindJson) {
        return CustomSettings.DEFINITION.parse(Json.parse("{\"kinds\": {\"" + name + "\": " + kindJson.replace('\'', '"') + "}}"));
    }

    /** The violations parsing {@code settingsJson} gives, path → message ('' stand for ""). */
    static Map<String, String> violations(String settingsJson) {
        try {
            CustomSettings.DEFINITION.parse(Json.parse(settingsJson.replace('\'', '"')));
        } catch (CatalogException e) {
            Map<String, String> byPath = new LinkedHashMap<>();
            for (Violation v : e.violations()) byPath.merge(v.path(), v.message(), (a, b) -> a + " | " + b);
            return byPath;
        }
        return Map.of();
    }

    /** Records the waits it is asked for instead of waiting. */
    static final class RecordingSleeper implements RetryPolicy.Sleeper {
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
        }
    }

    static RetryPolicy retries(RecordingSleeper sleeper) {
        return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5), sleeper,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static CustomIntegration integration(RecordingSleeper sleeper) {
        return new CustomIntegration(CustomIntegration.httpClient(), retries(sleeper), TEMP_FILES);
    }

    static Fetcher fetcher(CustomIntegration integration, Settings settings, String kind) {
        return integration.fetcher(kind, new FetchContext("test", settings, Json.object(), () -> false));
    }

    /** Every page, following the cursors to the end. */
    static List<Page> allPages(Fetcher fetcher) throws FetchException {
        List<Page> pages = new ArrayList<>();
        String cursor = null;
        do {
            Page page = fetcher.fetch(cursor);
            pages.add(page);
            cursor = page.nextCursor();
        } while (cursor != null && pages.size() < 100);
        return pages;
    }

    /** The {@code field} of every object of every page, in order. */
    static List<String> field(List<Page> pages, String field) {
        List<String> values = new ArrayList<>();
        for (Page page : pages) for (JsonNode object : page.objects()) values.add(object.path(field).asText());
        return values;
    }
}
