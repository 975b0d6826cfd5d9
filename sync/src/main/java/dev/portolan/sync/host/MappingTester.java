package dev.portolan.sync.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.Actor;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.entity.UpsertOutcome;
import dev.portolan.catalog.entity.WriteOptions;
import dev.portolan.catalog.integration.Installation;
import dev.portolan.sync.jq.JqEngine;
import dev.portolan.sync.mapper.MappingPreview;
import dev.portolan.sync.mapping.Mapping;

import java.time.Duration;
import java.util.List;

/**
 * "Test mapping" of an installed integration: a mapping (the saved one or a candidate, validated as
 * saving it would) runs over sample objects with {@link MappingPreview}, and each entity produced
 * is checked against its blueprint as ingesting it would be (validation only: nothing is written).
 * What the API's {@code mapping/test} and the UI's Mapping tab both show. Thread-safe.
 */
public final class MappingTester {

    private static final Duration JQ_TIMEOUT = Duration.ofSeconds(2);

    private final IntegrationManager manager;
    private final CatalogService catalog;
    private final JqEngine jq;

    public MappingTester(IntegrationManager manager, CatalogService catalog, JqEngine jq) {
        this.manager = manager;
        this.catalog = catalog;
        this.jq = jq;
    }

    /**
     * @param config  a candidate mapping (JSON) or null for the saved one
     * @return {@link MappingPreview}'s result where each entity also has {@code rejected}
     *         ({@code {message, violations: [{path, message}]}}) when its blueprint would refuse it
     * @throws CatalogException 422 when the candidate mapping does not validate or has no resource of the kind
     */
    public ObjectNode test(String installation, JsonNode config, String kind, List<JsonNode> objects) {
        Installation installed = manager.get(installation);
        Mapping mapping = config == null ? manager.mapping(installation) : manager.parseMapping(installed, config);
        ObjectNode preview = MappingPreview.preview(mapping, kind, objects, jq, JQ_TIMEOUT);
        WriteOptions options = new WriteOptions(true, mapping.enableMergeEntity(), mapping.createMissingRelatedEntities(), true);
        Actor actor = Actor.integration(installation);
        for (JsonNode resource : preview.path("resources")) {
            for (JsonNode object : resource.path("objects")) {
                for (JsonNode produced : object.path("entities")) {
                    check((ObjectNode) produced, options, actor);
                }
            }
        }
        return preview;
    }

    private void check(ObjectNode produced, WriteOptions options, Actor actor) {
        JsonNode entity = produced.path("entity");
        if (!entity.path("identifier").isTextual()) return; // a search-query identifier is resolved at ingest
        CatalogException refusal;
        try {
            UpsertOutcome outcome = catalog.entities().upsert(produced.path("blueprint").asText(), List.of(entity), options, actor).getFirst();
            if (!outcome.failed()) return;
            refusal = outcome.error();
        } catch (CatalogException e) {
            refusal = e;
        }
        ObjectNode rejected = produced.putObject("rejected");
        rejected.put("message", refusal.getMessage());
        ArrayNode violations = rejected.putArray("violations");
        for (Violation v : refusal.violations()) violations.addObject().put("path", v.path()).put("message", v.message());
    }
}
