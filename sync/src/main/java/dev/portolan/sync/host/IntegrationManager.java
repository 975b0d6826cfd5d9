package dev.portolan.sync.host;

import dev.portolan.catalog.integration.Installation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Identifiers;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.client.CatalogClient;
import dev.portolan.sync.client.OwnedEntity;
import dev.portolan.sync.client.OwnedPage;
import dev.portolan.sync.mapping.Mapping;
import dev.portolan.sync.mapping.MappingParser;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.spi.Integration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Installs, changes and uninstalls integrations. Everything is validated before anything is
 * stored: settings by the type's declaration, the mapping by {@link MappingParser}; a refused
 * change leaves the installation as it was. Thread-safe.
 */
public final class IntegrationManager {

    private final InstallationRepository repository;
    private final IntegrationRegistry registry;
    private final Function<String, CatalogClient> clients;
    private final ResyncLauncher launcher;
    private final Clock clock;

    public IntegrationManager(InstallationRepository repository, IntegrationRegistry registry,
                              Function<String, CatalogClient> clients, ResyncLauncher launcher, Clock clock) {
        this.repository = repository;
        this.registry = registry;
        this.clients = clients;
        this.launcher = launcher;
        this.clock = clock;
    }

    /** The parser of mappings for one type with these settings (the kinds may come from the settings). */
    public static MappingParser mappingParser(Integration integration, Settings settings) {
        return new MappingParser(integration.kinds(settings), integration::selectorFields, integration.mappingFields());
    }

    /** Installs: validate, create the default blueprints that are missing, save, start the first resync. */
    public Installation install(InstallRequest request) {
        if (request.identifier() == null || !Identifiers.isSchemaIdentifier(request.identifier())) {
            throw CatalogException.invalid("invalid_installation", "The installation", List.of(new Violation("installationId",
                    "is required: " + Identifiers.schemaIdentifierRule())));
        }
        if (repository.find(request.identifier()).isPresent()) {
            throw CatalogException.conflict("identifier_taken", "Integration '" + request.identifier() + "' is already installed");
        }
        Integration integration = registry.get(request.type());
        Settings settings = integration.settings().parse(request.settings());
        JsonNode config = request.config() != null && !request.config().isNull() ? request.config()
                : MappingParser.readYaml(integration.defaults().mappingYaml());
        mappingParser(integration, settings).parse(config);
        checkInterval(request.scheduledResyncInterval());
        clients.apply(request.identifier()).createMissingBlueprints(integration.defaults().blueprints());
        Instant now = clock.instant();
        Installation installation = new Installation(request.identifier(), integration.type(),
                request.title() == null ? request.identifier() : request.title(), settings.toJson(), (ObjectNode) config,
                request.scheduledResyncInterval(), false, now, now);
        repository.save(installation);
        announceSetUp(integration, installation, settings);
        launcher.start(installation.identifier(), "install");
        return installation;
    }

    /**
     * Registers (or re-registers, on every start) an integration that runs in a process of its own
     * and reports here. Its type need not be known to this process: the remote one validated its
     * settings and mapping. Refused (409) when a server-run installation has the identifier.
     */
    public Installation registerRemote(String identifier, String type, String title, JsonNode config, int interval) {
        if (identifier == null || !Identifiers.isSchemaIdentifier(identifier)) {
            throw CatalogException.invalid("invalid_installation", "The installation", List.of(new Violation("installationId",
                    "is required: " + Identifiers.schemaIdentifierRule())));
        }
        if (config != null && !config.isNull() && !config.isObject()) {
            throw CatalogException.invalid("invalid_installation", "The installation", List.of(new Violation("config", "must be an object")));
        }
        Instant now = clock.instant();
        Installation existing = repository.find(identifier).orElse(null);
        if (existing != null && !existing.remote()) {
            throw CatalogException.conflict("identifier_taken", "Integration '" + identifier + "' is installed in this server, not remote");
        }
        ObjectNode mapping = config instanceof ObjectNode o ? o : Json.object();
        Installation installation = new Installation(identifier, type, title == null ? identifier : title, Json.object(), mapping,
                interval, true, existing == null ? now : existing.createdAt(), now);
        repository.save(installation);
        return installation;
    }

    /**
     * Changes settings (and optionally the title and schedule). A secret given as
     * {@link Settings#REDACTED}, at any depth, keeps its stored value, so a form can send back what GET showed.
     */
    public Installation update(String identifier, JsonNode settingsPatch, String title, Integer scheduledResyncInterval) {
        Installation stored = local(identifier);
        Integration integration = registry.get(stored.type());
        ObjectNode merged = stored.settings().deepCopy();
        if (settingsPatch != null && !settingsPatch.isNull()) {
            if (!settingsPatch.isObject()) {
                throw CatalogException.invalid("invalid_settings", "The integration's settings", List.of(new Violation("settings", "must be an object")));
            }
            settingsPatch.properties().forEach(e ->
                    merged.set(e.getKey(), Settings.withStoredSecrets(e.getValue(), stored.settings().get(e.getKey()))));
        }
        Settings settings = integration.settings().parse(merged);
        mappingParser(integration, settings).parse(stored.config()); // new settings may drop a kind the mapping uses
        int interval = scheduledResyncInterval == null ? stored.scheduledResyncInterval() : scheduledResyncInterval;
        checkInterval(interval);
        Installation updated = stored.withSettings(settings.toJson(), clock.instant())
                .withSchedule(title == null ? stored.title() : title, interval, clock.instant());
        repository.save(updated);
        return updated;
    }

    /**
     * Replaces the mapping; a mapping that does not validate is refused and the old one stays. An
     * integration that runs elsewhere reads the new one at its next resync.
     */
    public Installation updateConfig(String identifier, JsonNode config) {
        Installation stored = get(identifier);
        if (!(config instanceof ObjectNode)) {
            throw CatalogException.invalid("invalid_mapping", "The mapping", List.of(new Violation("", "must be an object with 'resources'")));
        }
        parser(stored).parse(config);
        Installation updated = stored.withConfig((ObjectNode) config, clock.instant());
        repository.save(updated);
        return updated;
    }

    /**
     * {@link #updateConfig(String, JsonNode)} from a text the user wrote (the web UI's YAML): the text is
     * kept too, so the editor shows it again with its comments and layout. {@code config} must be what
     * {@code text} parses to.
     */
    public Installation updateConfig(String identifier, JsonNode config, String text) {
        Installation updated = updateConfig(identifier, config);
        repository.saveMappingText(identifier, text);
        return updated;
    }

    /**
     * The text the mapping was last saved from in the web UI, when one is kept; it may be out of date
     * (the mapping changed through the API since): callers compare what it parses to with the stored config.
     */
    public Optional<String> mappingText(String identifier) {
        return repository.mappingText(identifier);
    }

    /** Uninstalls; the entities it wrote stay unless {@code deleteEntities}. Returns how many entities were deleted. */
    public int uninstall(String identifier, boolean deleteEntities) {
        get(identifier);
        launcher.abort(identifier);
        int deleted = 0;
        if (deleteEntities) {
            CatalogClient client = clients.apply(identifier);
            while (true) {
                OwnedPage page = client.ownedEntities(identifier, null, 1000);
                if (page.entities().isEmpty()) break;
                Map<String, List<String>> byBlueprint = new java.util.LinkedHashMap<>();
                for (OwnedEntity e : page.entities()) byBlueprint.computeIfAbsent(e.blueprint(), b -> new ArrayList<>()).add(e.identifier());
                int before = deleted;
                for (var entry : byBlueprint.entrySet()) deleted += client.delete(entry.getKey(), entry.getValue(), true).deleted();
                if (deleted == before) break; // nothing more can go (e.g. required by others): stop rather than loop
            }
        }
        repository.delete(identifier);
        return deleted;
    }

    /** Whether this process can run integrations of the type (others may only register as remote). */
    public boolean hosts(String type) {
        return registry.hosts(type);
    }

    public Installation get(String identifier) {
        return repository.find(identifier).orElseThrow(() -> CatalogException.notFound("Integration", identifier));
    }

    public List<Installation> list() {
        return repository.list();
    }

    /** The installation's mapping, parsed (for the mapping test of a saved mapping). */
    public Mapping mapping(String identifier) {
        Installation stored = get(identifier);
        return parser(stored).parse(stored.config());
    }

    /** Parses a candidate mapping for an installation without saving it (mapping tests). */
    public Mapping parseMapping(Installation installation, JsonNode config) {
        return parser(get(installation.identifier())).parse(config);
    }

    /** The parser of an installation's mapping; a remote one's own process knows its kinds, so any goes. */
    private MappingParser parser(Installation stored) {
        if (stored.remote()) return MappingParser.forRemoteIntegration();
        Integration integration = registry.get(stored.type());
        return mappingParser(integration, integration.settings().parse(stored.settings()));
    }

    /** The settings with secrets hidden, for the API. */
    public ObjectNode redactedSettings(Installation installation) {
        if (installation.remote()) return Json.object(); // its settings stay in its own process
        return registry.get(installation.type()).settings().parse(installation.settings()).redacted();
    }

    /** An installation this server runs itself (409 for a remote one: change it where it runs). */
    private Installation local(String identifier) {
        Installation stored = get(identifier);
        if (stored.remote()) {
            throw CatalogException.conflict("remote_integration", "Integration '" + identifier
                    + "' runs in a process of its own; change its settings and mapping there");
        }
        return stored;
    }


    /** The integration's own set-up in the source (e.g. a webhook), said in the event log; it never stops an install. */
    private void announceSetUp(Integration integration, Installation installation, Settings settings) {
        String said;
        try {
            said = integration.onInstalled(installation.identifier(), settings);
        } catch (RuntimeException e) {
            said = "set-up after install failed: " + e.getMessage();
        }
        if (said == null) return;
        RecordedSyncEvents events = new RecordedSyncEvents(repository, installation.identifier(), "install", clock);
        events.info(null, said);
        events.flush();
    }

    private static void checkInterval(int minutes) {
        if (minutes < 0) {
            throw CatalogException.invalid("invalid_installation", "The installation",
                    List.of(new Violation("scheduledResyncInterval", "must be 0 (no schedule) or a number of minutes")));
        }
    }
}
