package dev.portolan.ui.datasources;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What Test mapping found: per resource of the tested kind, per object, the entities produced
 * (with leaves that gave nothing and the blueprint rule an entity breaks) or why none (filtered
 * out by the selector, failures with the mapping path). Or why the test could not run at all.
 *
 * @param refusal why the test could not run (with problems at lines when the mapping is invalid); null when it ran
 */
public record MappingTestView(String kind, List<Resource> resources, String refusal, List<MappingView.LineProblem> problems) {

    public record Resource(String path, List<ObjectResult> objects) {}

    public record ObjectResult(int index, String raw, boolean filteredOut, List<EntityResult> entities, List<String> failures) {

        public boolean ok() {
            return !filteredOut && failures.isEmpty() && entities.stream().allMatch(EntityResult::ok);
        }
    }

    /** @param rejected the blueprint's refusal, or null; {@code violations} its rules broken */
    public record EntityResult(String blueprint, String identifier, String json, List<String> problems, String rejected,
                               List<String> violations) {

        public boolean ok() {
            return rejected == null;
        }
    }

    static MappingTestView refused(String why) {
        return new MappingTestView(null, List.of(), why, List.of());
    }

    static MappingTestView refused(List<MappingView.LineProblem> problems) {
        return new MappingTestView(null, List.of(), "The mapping is not valid; nothing was tested.", problems);
    }

    static MappingTestView of(String kind, List<JsonNode> objects, JsonNode preview) {
        List<Resource> resources = new ArrayList<>();
        for (JsonNode resource : preview.path("resources")) {
            List<ObjectResult> results = new ArrayList<>();
            for (JsonNode object : resource.path("objects")) {
                int index = object.path("index").asInt();
                List<EntityResult> entities = new ArrayList<>();
                for (JsonNode e : object.path("entities")) {
                    JsonNode rejected = e.path("rejected");
                    List<String> violations = new ArrayList<>();
                    rejected.path("violations").forEach(v -> violations.add(v.path("path").asText() + ": " + v.path("message").asText()));
                    entities.add(new EntityResult(e.path("blueprint").asText(), e.path("entity").path("identifier").asText(""),
                            e.path("entity").toPrettyString(), problems(e.path("problems")),
                            rejected.isMissingNode() ? null : rejected.path("message").asText(), violations));
                }
                results.add(new ObjectResult(index, objects.get(index).toPrettyString(), object.path("filteredOut").asBoolean(),
                        entities, problems(object.path("failures"))));
            }
            resources.add(new Resource(resource.path("resource").asText(), results));
        }
        return new MappingTestView(kind, resources, null, List.of());
    }

    private static List<String> problems(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(p -> texts.add(p.path("path").asText() + " (" + p.path("expression").asText() + "): " + p.path("message").asText()));
        return texts;
    }
}
