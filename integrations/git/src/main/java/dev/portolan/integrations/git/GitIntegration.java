package dev.portolan.integrations.git;

import dev.portolan.sync.files.FileFolders;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.settings.SettingsDefinition;
import dev.portolan.sync.spi.CheckResult;
import dev.portolan.sync.spi.FetchContext;
import dev.portolan.sync.spi.FetchException;
import dev.portolan.sync.spi.Fetcher;
import dev.portolan.sync.spi.Integration;
import dev.portolan.sync.spi.IntegrationDefaults;
import dev.portolan.sync.spi.WebhookReceiver;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code git} integration: local and remote Git repositories, read with JGit, offline. Kinds:
 * {@code repository}, {@code contributor}, {@code commit}, {@code file}, {@code folder} (see
 * docs/integrations/git.md). Each installation keeps its remote mirrors and its per-repository
 * cache of raw objects in {@code <data directory>/git/<installation>/}. Thread-safe: one instance
 * serves every installation.
 */
public final class GitIntegration implements Integration {

    public static final String TYPE = "git";
    /** How long a fetched remote counts as up to date: the kinds of one resync share one fetch. */
    public static final Duration REMOTE_FRESHNESS = Duration.ofSeconds(30);

    private static final IntegrationDefaults DEFAULTS = IntegrationDefaults.fromResources(GitIntegration.class, "defaults");
    private static final Map<String, KindReader> READERS = Map.of(
            "repository", new RepositoryReader(),
            "contributor", new ContributorReader(),
            "commit", new CommitReader(),
            "file", new FileReader(),
            "folder", new FolderReader());
    private static final Set<String> KINDS = Set.of("repository", "contributor", "commit", "file", "folder");

    private final Path dataDirectory;
    private final FileFolders folders;
    private final SettingsDefinition settings;
    private final RemoteMirrors mirrors;
    private final ReadObserver observer;
    private final GitWebhooks webhooks = new GitWebhooks(this::fetcher);

    /**
     * @param dataDirectory the server's data directory; this integration works below {@code git/} in it
     * @param folders       where local repositories (paths, {@code file://} URLs, scan roots) may be read from
     */
    public GitIntegration(Path dataDirectory, FileFolders folders) {
        this(dataDirectory, folders, REMOTE_FRESHNESS, ReadObserver.NONE);
    }

    /** With a freshness window for remotes, and an observer of what is read from repositories (tests, benchmarks). */
    public GitIntegration(Path dataDirectory, FileFolders folders, Duration remoteFreshness, ReadObserver observer) {
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        this.folders = folders;
        this.settings = GitSettings.definition(folders);
        this.mirrors = new RemoteMirrors(remoteFreshness, Clock.systemUTC());
        this.observer = observer;
    }

    /**
     * The root of the working tree (or the bare repository) that holds {@code folder}, if any: where
     * the quickstart offers to install (a server started in a repository's sub-folder offers the repository).
     */
    public static Optional<Path> enclosingRepository(Path folder) {
        for (Path f = folder.toAbsolutePath().normalize(); f != null; f = f.getParent()) {
            if (RepositoryDiscovery.isRepository(f)) return Optional.of(f);
        }
        return Optional.empty();
    }

    /** The folder a {@code repositories} entry names on this machine (a path, or a {@code file://} URL), if it names one. */
    public static Optional<Path> localFolder(String repository) {
        try {
            return Optional.ofNullable(RepositoryLocation.configured(repository).localFolder());
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a usable file:// URL: the settings' validation says why
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "local and remote Git repositories: services, contributors, commits, files and folders";
    }

    @Override
    public SettingsDefinition settings() {
        return settings;
    }

    @Override
    public Set<String> kinds(Settings settings) {
        return KINDS;
    }

    @Override
    public Set<String> selectorFields(String kind) {
        return switch (kind) {
            case "repository" -> Set.of("includedFiles");
            case "file" -> Set.of("files");
            case "folder" -> Set.of("folders", "includedFiles");
            default -> Set.of();
        };
    }

    @Override
    public IntegrationDefaults defaults() {
        return DEFAULTS;
    }

    @Override
    public Fetcher fetcher(String kind, FetchContext context) {
        return fetcher(kind, context, Scope.ALL);
    }

    Fetcher fetcher(String kind, FetchContext context, Scope scope) {
        KindReader reader = READERS.get(kind);
        if (reader == null) {
            return cursor -> {
                throw new FetchException("unknown kind '" + kind + "'; this integration knows: " + String.join(", ", KINDS.stream().sorted().toList()), false);
            };
        }
        GitSources sources = sources(context.integration(), context.settings());
        ReadRequest request = new ReadRequest(context.selector(), sources.commitDepth());
        Fetcher perRepository = new RepositoryObjectsFetcher(kind, reader, sources, request, scope, observer, context.cancelled());
        return kind.equals("contributor") ? new ContributorFetcher(perRepository) : perRepository;
    }

    private GitSources sources(String installation, Settings settings) {
        return new GitSources(settings, dataDirectory.resolve("git").resolve(installation.replaceAll("[^A-Za-z0-9@_-]", "_")), mirrors, folders);
    }

    /** Opens every repository (cloning or fetching remotes) and says which could not be read. */
    @Override
    public CheckResult check(Settings settings) {
        GitSources sources = sources("check", settings);
        List<RepositoryLocation> locations;
        try {
            locations = sources.list();
        } catch (FetchException e) {
            return CheckResult.failed(e.getMessage());
        }
        if (locations.isEmpty()) {
            return CheckResult.failed("no repository to read: list some in settings.repositories, or folders holding some in settings.scanRoots");
        }
        List<String> failures = new ArrayList<>();
        for (RepositoryLocation location : locations) {
            try (OpenedRepository ignored = sources.open(location, true)) {
                // opened and its branch resolved: readable
            } catch (FetchException e) {
                failures.add(e.getMessage());
            }
        }
        if (failures.isEmpty()) return CheckResult.ok("All " + locations.size() + " repositories can be read");
        return CheckResult.failed(failures.size() + " of " + locations.size() + " repositories cannot be read: " + String.join(" | ", failures));
    }

    /** Pushes re-read the pushed repository (see {@link GitWebhooks}). */
    @Override
    public Optional<WebhookReceiver> webhooks() {
        return Optional.of(webhooks);
    }
}
