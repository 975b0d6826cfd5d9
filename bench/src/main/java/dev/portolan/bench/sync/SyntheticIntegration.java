package dev.portolan.bench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.sync.settings.SettingType;
import dev.portolan.sync.settings.Settings;
import dev.portolan.sync.settings.SettingsDefinition;
import dev.portolan.sync.spi.FetchContext;
import dev.portolan.sync.spi.Fetcher;
import dev.portolan.sync.spi.Integration;
import dev.portolan.sync.spi.IntegrationDefaults;
import dev.portolan.sync.spi.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The benchmark's integration: one kind, {@code repository}, served by a {@link SyntheticSource} in pages of 1,000. */
final class SyntheticIntegration implements Integration {

    private static final int PAGE = 1000;

    @Override
    public String type() {
        return "synthetic";
    }

    @Override
    public String description() {
        return "generated GitHub-like repositories, for benchmarks";
    }

    @Override
    public SettingsDefinition settings() {
        return SettingsDefinition.builder()
                .required("count", SettingType.INTEGER, "how many repositories")
                .optional("seed", SettingType.INTEGER, 42, "the generator's seed")
                .optional("generation", SettingType.INTEGER, 0, "0: the first picture; 1: 10% changed, 5% gone, 5% new")
                .build();
    }

    @Override
    public Set<String> kinds(Settings settings) {
        return Set.of("repository");
    }

    @Override
    public IntegrationDefaults defaults() {
        return new IntegrationDefaults("[]", "resources: []");
    }

    @Override
    public Fetcher fetcher(String kind, FetchContext context) {
        SyntheticSource source = new SyntheticSource(context.settings().integer("count"), context.settings().integer("seed"),
                context.settings().integer("generation"));
        return cursor -> {
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            int to = Math.min(source.size(), from + PAGE);
            List<JsonNode> objects = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) objects.add(source.object(i));
            return new Page(objects, to < source.size() ? Integer.toString(to) : null);
        };
    }
}
