package dev.portolan.integrations.git;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.client.InProcessCatalogClient;
import dev.portolan.sync.files.FileFolders;
import dev.portolan.sync.host.IntegrationManager;
import dev.portolan.sync.jq.PortolanJqEngine;
import dev.portolan.sync.mapping.Mapping;
import dev.portolan.sync.mapping.MappingParser;
import dev.portolan.sync.report.KindReport;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.resync.ResyncContext;
import dev.portolan.sync.resync.ResyncProgress;
import dev.portolan.sync.resync.ResyncRunner;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.testing.SyncHarness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Resyncs of the Git integration over a {@link SyncHarness} (real catalog, real store on both
 * dialects), with the default blueprints created as installing would, and a record of what was
 * read from repositories rather than from the cache.
 */
final class GitSync {

    static final String INSTALLATION = "git-1";

    final SyncHarness sync;
    final List<String> reads = new ArrayList<>();
    final GitIntegration integration;

    GitSync(SyncHarness sync, Path dataDirectory) {
        this.sync = sync;
        // Remotes count as stale at once: every resync (and every kind) fetches, as a test changes them between resyncs.
        // Repositories may be read from the test's folder (the data directory's parent).
        this.integration = new GitIntegration(dataDirectory, FileFolders.of(List.of(dataDirectory.getParent())), Duration.ZERO,
                (kind, repository) -> reads.add(kind + ":" + repository));
        new InProcessCatalogClient(sync.catalog(), INSTALLATION).createMissingBlueprints(integration.defaults().blueprints());
    }

    Settings settings(String json) {
        return integration.settings().parse(Json.parse(json));
    }

    Mapping defaultMapping(Settings settings) {
        return mapping(integration.defaults().mappingYaml(), settings);
    }

    Mapping mapping(String yaml, Settings settings) {
        return IntegrationManager.mappingParser(integration, settings).parse(MappingParser.readYaml(yaml));
    }

    /** One resync with the default mapping; {@link #reads} holds what it read from repositories. */
    SyncReport resync(Settings settings) {
        return resync(settings, defaultMapping(settings));
    }

    SyncReport resync(Settings settings, Mapping mapping) {
        reads.clear();
        sync.clock().advance(Duration.ofSeconds(1));
        ResyncContext context = context(settings, mapping);
        SyncReport report = new SyncReport(UUID.randomUUID().toString(), INSTALLATION, "manual", sync.clock().instant());
        return new ResyncRunner(context, sync.events(), ResyncProgress.NONE).run(report);
    }

    ResyncContext context(Settings settings, Mapping mapping) {
        return new ResyncContext(INSTALLATION, integration, settings, mapping, new InProcessCatalogClient(sync.catalog(), INSTALLATION),
                PortolanJqEngine.INSTANCE, sync.clock(), Duration.ofSeconds(5), 100, () -> false);
    }

    static KindReport kind(SyncReport report, String kind) {
        return report.kinds().stream().filter(k -> k.kind().equals(kind)).findFirst().orElseThrow();
    }

    JsonNode properties(String blueprint, String identifier) {
        return sync.get(blueprint, identifier).properties();
    }

    static String settingsFor(Path... repositories) {
        List<String> paths = new ArrayList<>();
        for (Path p : repositories) paths.add("\"" + p.toString().replace("\\", "\\\\") + "\"");
        return "{\"repositories\": [" + String.join(", ", paths) + "]}";
    }
}
