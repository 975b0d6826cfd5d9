package dev.portolan.sync.mapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Violation;
import dev.portolan.sync.jq.JqEngine;
import dev.portolan.sync.mapping.Mapping;
import dev.portolan.sync.mapping.ResourceMapping;

import java.time.Duration;
import java.util.List;

/**
 * "Test mapping": runs a mapping's resources of one kind over sample objects and shows what each
 * produces, with every null or failing leaf explained. Nothing is written anywhere.
 */
public final class MappingPreview {

    private MappingPreview() {}

    /**
     * @return {@code {kind, resources: [{resource, objects: [{index, filteredOut, entities, failures}]}]}}
     * @throws CatalogException 422 when the mapping has no resource of that kind
     */
    public static ObjectNode preview(Mapping mapping, String kind, List<JsonNode> objects, JqEngine jq, Duration timeout) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("kind", kind);
        ArrayNode resources = result.putArray("resources");
        List<ResourceMapping> all = mapping.resources();
        for (int r = 0; r < all.size(); r++) {
            if (!all.get(r).kind().equals(kind)) continue;
            String path = "resources[" + r + "]";
            EntityMapper mapper = new EntityMapper(path, all.get(r), jq, timeout);
            ObjectNode resource = resources.addObject();
            resource.put("resource", path);
            ArrayNode results = resource.putArray("objects");
            for (int i = 0; i < objects.size(); i++) {
                results.add(describe(i, mapper.map(objects.get(i))));
            }
        }
        if (resources.isEmpty()) {
            throw CatalogException.invalid("invalid_mapping_test", "The mapping test", List.of(new Violation("kind",
                    "the mapping has no resource of kind '" + kind + "'")));
        }
        return result;
    }

    private static ObjectNode describe(int index, MappingResult result) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("index", index);
        json.put("filteredOut", result.filteredOut());
        ArrayNode entities = json.putArray("entities");
        for (MappedEntity entity : result.entities()) {
            ObjectNode e = entities.addObject();
            e.put("blueprint", entity.blueprint());
            e.set("entity", entity.entity());
            problems(e.putArray("problems"), entity.problems());
        }
        problems(json.putArray("failures"), result.failures());
        return json;
    }

    private static void problems(ArrayNode array, List<MappingProblem> problems) {
        for (MappingProblem p : problems) {
            array.addObject().put("path", p.path()).put("expression", p.expression()).put("message", p.message());
        }
    }
}
