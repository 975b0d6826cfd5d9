package dev.portolan.sync.testing;

import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.settings.SettingsDefinition;
import dev.portolan.sync.spi.FetchContext;
import dev.portolan.sync.spi.Fetcher;
import dev.portolan.sync.spi.Integration;
import dev.portolan.sync.spi.IntegrationDefaults;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test integration (type {@value #TYPE}): its source is scripted per kind by the test
 * ({@link #script}), and can change between resyncs. A fetcher takes the kind's script when it is
 * made (at the start of its resource), so replacing a script affects the next resync, not a
 * running one. Kinds are fixed at construction; the kind {@code repository} also accepts the
 * selector field {@code includedFiles}, as integrations may declare their own. Thread-safe.
 */
public final class ScriptedIntegration implements Integration {

    public static final String TYPE = "scripted";

    private final Set<String> kinds;
    private final Map<String, KindScript> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> fetchers = new ConcurrentHashMap<>();
    private final Map<String, FetchContext> contexts = new ConcurrentHashMap<>();
    private volatile IntegrationDefaults defaults = new IntegrationDefaults("[]", "resources: []\n");

    public ScriptedIntegration(String... kinds) {
        this.kinds = new TreeSet<>(Set.of(kinds));
    }

    /** Sets what {@code kind} serves from the next resync on. */
    public ScriptedIntegration script(String kind, KindScript script) {
        if (!kinds.contains(kind)) throw new IllegalArgumentException("unknown kind " + kind + "; known: " + kinds);
        scripts.put(kind, script);
        return this;
    }

    /** Sets the default blueprints (a JSON array) and mapping (YAML) that installing creates. */
    public ScriptedIntegration defaults(String blueprintsJson, String mappingYaml) {
        this.defaults = new IntegrationDefaults(blueprintsJson, mappingYaml);
        return this;
    }

    /** How many fetchers were made for {@code kind} (one per resource per resync). */
    public int fetchersMade(String kind) {
        AtomicInteger count = fetchers.get(kind);
        return count == null ? 0 : count.get();
    }

    /** The context the latest fetcher of {@code kind} was made with, or null. */
    public FetchContext lastContext(String kind) {
        return contexts.get(kind);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "A source scripted by the test";
    }

    @Override
    public SettingsDefinition settings() {
        return SettingsDefinition.builder().build();
    }

    @Override
    public Set<String> kinds(Settings settings) {
        return kinds;
    }

    @Override
    public Set<String> selectorFields(String kind) {
        return kind.equals("repository") ? Set.of("includedFiles") : Set.of();
    }

    @Override
    public IntegrationDefaults defaults() {
        return defaults;
    }

    @Override
    public Fetcher fetcher(String kind, FetchContext context) {
        fetchers.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        contexts.put(kind, context);
        KindScript script = scripts.getOrDefault(kind, KindScript.empty());
        return cursor -> {
            int page = cursor == null ? 0 : Integer.parseInt(cursor);
            return script.page(page);
        };
    }
}
