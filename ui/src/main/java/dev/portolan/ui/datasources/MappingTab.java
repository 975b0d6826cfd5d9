package dev.portolan.ui.datasources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.catalog.integration.SyncSample;
import dev.portolan.catalog.json.Json;
import dev.portolan.sync.mapping.MappingParser;
import dev.portolan.ui.UiServices;
import dev.portolan.ui.web.Frame;
import dev.portolan.ui.web.PageException;
import dev.portolan.ui.web.Section;
import dev.portolan.ui.web.Templates;
import dev.portolan.ui.web.UiRoutes;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /datasources/{id}/mapping}: the mapping as YAML in an editor with line numbers. Save
 * validates exactly as {@code PATCH /v1/integration/{id}/config} (the same service call) and shows
 * every problem at its line; Test mapping runs the edited mapping on the samples the latest resync
 * kept, or on pasted JSON, and shows per object the entity produced or why not.
 */
public final class MappingTab {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private final UiServices services;
    private final Templates templates;

    public MappingTab(UiServices services, Templates templates) {
        this.services = services;
        this.templates = templates;
    }

    public void register(UiRoutes routes) {
        routes.get("/datasources/{id}/mapping", this::show);
        routes.post("/datasources/{id}/mapping", this::save);
        routes.post("/datasources/{id}/mapping/test", this::test);
    }

    private void show(Context ctx) {
        IntegrationHeader header = IntegrationHeader.of(services, ctx.pathParam("id"), "mapping");
        Installation installation = services.integrations().get(header.identifier());
        render(ctx, header, shownText(installation), List.of(), "1".equals(ctx.queryParam("saved")), null);
    }

    /**
     * The text the mapping was saved from here, comments and all, while it still says what the stored
     * mapping says; once the mapping changed elsewhere (the API), the stored mapping written as YAML.
     */
    private String shownText(Installation installation) {
        return services.integrations().mappingText(installation.identifier())
                .filter(text -> saysTheSame(parse(text).config(), installation.config()))
                .orElseGet(() -> yaml(installation.config()));
    }

    private void save(Context ctx) {
        UiRoutes.requireAdmin(ctx);
        IntegrationHeader header = IntegrationHeader.of(services, ctx.pathParam("id"), "mapping");
        String yaml = text(ctx.formParam("yaml"));
        Parsed parsed = parse(yaml);
        List<MappingView.LineProblem> problems = parsed.problems();
        if (problems.isEmpty()) {
            try {
                services.integrations().updateConfig(header.identifier(), parsed.config(), yaml);
                ctx.redirect(header.path() + "/mapping?saved=1");
                return;
            } catch (CatalogException e) {
                problems = atLines(parsed.lines(), e);
            }
        }
        ctx.status(422);
        render(ctx, header, yaml, problems, false, null);
    }

    private void test(Context ctx) {
        IntegrationHeader header = IntegrationHeader.of(services, ctx.pathParam("id"), "mapping");
        String yaml = text(ctx.formParam("yaml"));
        MappingTestView result = run(header.identifier(), yaml, ctx.formParam("source"), ctx.formParam("kind"), ctx.formParam("pasted"));
        if (UiRoutes.isHtmx(ctx)) {
            templates.render(ctx, "datasources/mapping_test.jte", Map.of("test", result));
        } else {
            render(ctx, header, yaml, List.of(), false, result);
        }
    }

    private MappingTestView run(String integration, String yaml, String source, String pastedKind, String pasted) {
        Parsed parsed = parse(yaml);
        if (!parsed.problems().isEmpty()) return MappingTestView.refused(parsed.problems());
        String kind;
        List<JsonNode> objects = new ArrayList<>();
        if (source != null && source.startsWith("sample:")) {
            int resource = parseIndex(source.substring("sample:".length()));
            List<SyncSample> samples = services.installations().samples(integration, null, resource);
            if (samples.isEmpty()) return MappingTestView.refused("The latest resync kept no samples of that resource; paste JSON instead.");
            kind = samples.getFirst().kind();
            samples.stream().filter(s -> s.object() != null).forEach(s -> objects.add(s.object()));
        } else {
            kind = pastedKind;
            if (kind == null || kind.isBlank()) return MappingTestView.refused("Choose the kind the pasted objects are.");
            try {
                JsonNode json = Json.parse(text(pasted).isBlank() ? "null" : pasted);
                if (json.isArray()) json.forEach(objects::add);
                else if (json.isObject()) objects.add(json);
                else return MappingTestView.refused("Paste a JSON object, or an array of objects.");
            } catch (RuntimeException e) {
                return MappingTestView.refused("The pasted text is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        try {
            return MappingTestView.of(kind, objects, services.tester().test(integration, parsed.config(), kind, objects));
        } catch (CatalogException e) {
            return MappingTestView.refused(atLines(parsed.lines(), e));
        }
    }

    private void render(Context ctx, IntegrationHeader header, String yaml, List<MappingView.LineProblem> problems, boolean saved,
                        MappingTestView test) {
        List<MappingView.SampleChoice> samples = sampleChoices(header.identifier());
        List<String> kinds = kinds(header.identifier());
        templates.page(ctx, "datasources/mapping.jte", Frame.of(ctx, header.title() + " · Mapping", Section.DATASOURCES),
                new MappingView(header, yaml, problems, saved, samples, kinds, test));
    }

    /** The resources the latest resync kept samples of, with how many. */
    private List<MappingView.SampleChoice> sampleChoices(String integration) {
        Map<Integer, MappingView.SampleChoice> byResource = new LinkedHashMap<>();
        for (SyncSample s : services.installations().samples(integration, null, null)) {
            byResource.merge(s.resourceIndex(), new MappingView.SampleChoice(s.resourceIndex(), s.kind(), 1, s.resyncId()),
                    (a, b) -> new MappingView.SampleChoice(a.resourceIndex(), a.kind(), a.count() + 1, a.resyncId()));
        }
        return List.copyOf(byResource.values());
    }

    private List<String> kinds(String integration) {
        try {
            return services.integrations().mapping(integration).resources().stream().map(r -> r.kind()).distinct().toList();
        } catch (CatalogException e) {
            return List.of();
        }
    }

    /** Compared as JSON text: YAML and the store may read the same number into different node types (0.9 as double or decimal). */
    private static boolean saysTheSame(JsonNode parsed, JsonNode stored) {
        return parsed != null && Json.write(parsed).equals(Json.write(stored));
    }

    /** The YAML parsed to the JSON the service takes, with where each key is; or the problems that stop it. */
    private record Parsed(JsonNode config, YamlLines lines, List<MappingView.LineProblem> problems) {}

    private static Parsed parse(String yaml) {
        YamlLines lines;
        try {
            lines = YamlLines.of(yaml);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new Parsed(null, null, List.of(new MappingView.LineProblem(line, "", "not valid YAML: " + e.getOriginalMessage())));
        }
        JsonNode config;
        try {
            config = MappingParser.readYaml(yaml);
        } catch (CatalogException e) {
            return new Parsed(null, lines, List.of(new MappingView.LineProblem(1, "", e.getMessage())));
        }
        if (config == null || !config.isObject()) {
            return new Parsed(null, lines, List.of(new MappingView.LineProblem(1, "", "the mapping must be a YAML object with `resources:`")));
        }
        return new Parsed(config, lines, List.of());
    }

    /** Every violation of a refusal, at the line of its path (in line order). */
    private static List<MappingView.LineProblem> atLines(YamlLines lines, CatalogException e) {
        List<Violation> violations = e.violations().isEmpty() ? List.of(new Violation("", e.getMessage())) : e.violations();
        List<MappingView.LineProblem> problems = new ArrayList<>();
        for (Violation v : violations) problems.add(new MappingView.LineProblem(lines == null ? 0 : lines.lineOf(v.path()), v.path(), v.message()));
        problems.sort(java.util.Comparator.comparingInt(MappingView.LineProblem::line));
        return problems;
    }

    static String yaml(JsonNode config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored mapping is JSON, so it can be YAML", e);
        }
    }

    private static int parseIndex(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw PageException.badRequest("'" + text + "' is not a resource of the mapping.");
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.replace("\r\n", "\n");
    }
}
