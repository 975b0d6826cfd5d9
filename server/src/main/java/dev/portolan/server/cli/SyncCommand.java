package dev.portolan.server.cli;

import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.entity.JqCalculations;
import dev.portolan.catalog.store.CatalogStore;
import dev.portolan.server.integrations.IntegrationHost;
import dev.portolan.server.integrations.Integrations;
import dev.portolan.sync.host.ResyncLauncher;
import dev.portolan.sync.report.SyncReport;
import dev.portolan.sync.report.SyncState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.util.concurrent.Callable;

/**
 * {@code portolan sync <integration>}: runs one resync of an installed integration in this process,
 * against the same database as the server, prints the sync report and exits 0 when it completed.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Resync an installed integration now and print its sync report.")
public final class SyncCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the integration's identifier")
    String integration;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Mixin
    FileFolderOptions fileFolders = new FileFolderOptions();

    @Override
    public Integer call() {
        try (CatalogStore store = database.open();
             IntegrationHost host = new IntegrationHost(store, new CatalogService(store, Clock.systemUTC(), new JqCalculations()),
                     Integrations.registry(database.dataDir.toAbsolutePath(), fileFolders.allowed(database.dataDir.toAbsolutePath())),
                     new SimpleMeterRegistry(), Clock.systemUTC(), ResyncLauncher.Tuning.DEFAULT)) {
            SyncReport report = host.launcher().start(integration, "cli").done().join();
            System.out.println(report.toJson().toPrettyString());
            return report.state() == SyncState.COMPLETED ? 0 : 1;
        }
    }
}
