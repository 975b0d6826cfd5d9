package dev.portolan.integrations.custom;

import dev.portolan.sync.files.FileFolders;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.portolan.sync.http.HttpClients;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.settings.SettingsDefinition;
import dev.portolan.sync.spi.CheckResult;
import dev.portolan.sync.spi.FetchContext;
import dev.portolan.sync.spi.FetchException;
import dev.portolan.sync.spi.Fetcher;
import dev.portolan.sync.spi.Integration;
import dev.portolan.sync.spi.IntegrationDefaults;
import dev.portolan.sync.spi.Page;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code custom} integration: ingests JSON objects from any HTTP API or local file, with no
 * code. Its kinds are declared in its settings ({@code settings.kinds.<kind>}, see
 * {@code docs/integrations/custom.md}); each kind is read by an {@link HttpPageFetcher} or a
 * {@link FilePageFetcher}. Stateless and thread-safe: one instance serves every installation.
 */
public final class CustomIntegration implements Integration {

    public static final String TYPE = "custom";
    private static final IntegrationDefaults DEFAULTS = IntegrationDefaults.fromResources(CustomIntegration.class, "defaults");

    private final HttpClient http;
    private final RetryPolicy retry;
    private final FileFolders fileFolders;
    private final SettingsDefinition settings;

    /** With its own HTTP client and the standard retries; {@code file:} sources only from {@code fileFolders}. */
    public CustomIntegration(FileFolders fileFolders) {
        this(httpClient(), RetryPolicy.standard(), fileFolders);
    }

    CustomIntegration(HttpClient http, RetryPolicy retry, FileFolders fileFolders) {
        this.http = http;
        this.retry = retry;
        this.fileFolders = fileFolders;
        this.settings = CustomSettings.definition(fileFolders);
    }

    /** Without redirects: a kind's headers carry credentials, so a redirect is reported with where it points. */
    static HttpClient httpClient() {
        return HttpClients.withoutRedirects();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "JSON from any HTTP API or file, with kinds declared in the settings";
    }

    @Override
    public SettingsDefinition settings() {
        return settings;
    }

    @Override
    public Set<String> kinds(Settings settings) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(CustomSettings.kinds(settings).keySet()));
    }

    @Override
    public IntegrationDefaults defaults() {
        return DEFAULTS;
    }

    @Override
    public Fetcher fetcher(String kind, FetchContext context) {
        return fetcher(kind, context, retry);
    }

    private Fetcher fetcher(String name, FetchContext context, RetryPolicy retry) {
        Map<String, CustomKind> kinds = CustomSettings.kinds(context.settings());
        CustomKind kind = kinds.get(name);
        if (kind == null) {
            return cursor -> {
                throw new FetchException("kind '" + name + "' is not declared in settings.kinds (declared: "
                        + String.join(", ", kinds.keySet()) + "); declare it or remove it from the mapping", false);
            };
        }
        return kind.isFile() ? new FilePageFetcher(kind, FilePageFetcher.PAGE_SIZE, fileFolders)
                : new HttpPageFetcher(kind, http, retry, context);
    }

    /** Reads the first page of every kind, once each (no retries: a person is waiting), and says what failed. */
    @Override
    public CheckResult check(Settings settings) {
        FetchContext context = new FetchContext("check", settings, JsonNodeFactory.instance.objectNode(), () -> false);
        List<String> read = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String kind : kinds(settings)) {
            try {
                Page page = fetcher(kind, context, retry.withMaxAttempts(1)).fetch(null);
                read.add(kind + " (" + page.objects().size() + (page.isLast() ? "" : "+") + " objects)");
            } catch (FetchException e) {
                failed.add(e.getMessage());
            } catch (RuntimeException e) {
                failed.add(kind + ": " + e);
            }
        }
        if (failed.isEmpty()) return CheckResult.ok("Read the first page of every kind: " + String.join(", ", read));
        return CheckResult.failed(failed.size() + " of " + (failed.size() + read.size()) + " kinds could not be read. "
                + String.join(" ", failed.stream().map(m -> m.endsWith(".") ? m : m + ".").toList()));
    }
}
