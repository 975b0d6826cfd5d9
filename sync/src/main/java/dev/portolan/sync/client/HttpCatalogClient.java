package dev.portolan.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.portolan.sync.client.CatalogApi.segment;

/**
 * The catalog client of an integration that runs in a process of its own: the same operations as
 * {@link InProcessCatalogClient}, over a remote Portolan's {@code /v1} API. Every write carries
 * {@value CatalogApi#INTEGRATION_HEADER}, so the integration owns what it writes. Transport
 * failures (unreachable, refused credential) surface as {@link CatalogApiException}; per-entity
 * failures as {@link IngestResult}s, like in the server. Thread-safe.
 */
public final class HttpCatalogClient implements CatalogClient {

    private static final int MAX_SEARCH = 1000;

    private final CatalogApi api;
    private final String integration;

    public HttpCatalogClient(CatalogApi api, String integration) {
        this.api = api;
        this.integration = integration;
    }

    @Override
    public List<String> createMissingBlueprints(List<ObjectNode> blueprints) {
        List<ObjectNode> missing = new ArrayList<>();
        for (ObjectNode blueprint : blueprints) {
            String path = "/v1/blueprints/" + segment(blueprint.path("identifier").asText());
            CatalogResponse response = api.send("GET", path, null, null);
            if (response.status() == 404) missing.add(blueprint);
            else if (!response.ok()) throw CatalogApiException.of("GET " + path, response);
        }
        // Relations may point at each other: create every blueprint bare first, then complete them.
        List<ObjectNode> created = new ArrayList<>();
        for (ObjectNode blueprint : missing) {
            ObjectNode bare = blueprint.deepCopy();
            bare.remove(List.of("relations", "mirrorProperties", "calculationProperties", "aggregationProperties"));
            CatalogResponse response = api.send("POST", "/v1/blueprints", bare, integration);
            if (response.ok()) created.add(blueprint);
            else if (response.status() != 409) throw CatalogApiException.of("Creating blueprint " + blueprint.path("identifier"), response);
            // 409: created meanwhile by someone else; theirs stands.
        }
        for (ObjectNode blueprint : created) {
            String path = "/v1/blueprints/" + segment(blueprint.path("identifier").asText());
            CatalogResponse response = api.send("PUT", path, blueprint, integration);
            if (!response.ok()) throw CatalogApiException.of("Completing blueprint " + blueprint.path("identifier"), response);
        }
        return created.stream().map(b -> b.path("identifier").asText()).toList();
    }

    @Override
    public List<IngestResult> upsert(String blueprint, List<ObjectNode> entities, IngestOptions options) {
        if (entities.isEmpty()) return List.of();
        String path = "/v1/blueprints/" + segment(blueprint) + "/entities/bulk?upsert=true&merge=" + options.merge()
                + "&create_missing_related_entities=" + options.createMissingRelatedEntities();
        ObjectNode body = Json.object();
        body.putArray("entities").addAll(List.<JsonNode>copyOf(entities));
        CatalogResponse response = api.send("POST", path, body, integration);
        if (response.status() == 413 && entities.size() > 1) {
            // Too large a body for the server: send it in halves.
            int half = entities.size() / 2;
            List<IngestResult> results = new ArrayList<>(upsert(blueprint, entities.subList(0, half), options));
            results.addAll(upsert(blueprint, entities.subList(half, entities.size()), options));
            return results;
        }
        if (response.status() == 200 || response.status() == 207) return BulkResults.read(response.body(), entities);
        // The whole batch was refused (its blueprint does not exist, ...): every entity failed for it.
        String reason = response.message();
        return entities.stream().map(e -> new IngestResult(e.path("identifier").asText(), IngestResult.Status.FAILED, false, reason))
                .toList();
    }

    @Override
    public List<String> findIdentifiers(String blueprint, JsonNode query, int limit) {
        ObjectNode body = Json.object();
        body.set("query", query);
        body.putArray("include").add("identifier");
        body.put("limit", Math.max(1, Math.min(limit, MAX_SEARCH)));
        String path = blueprint == null ? "/v1/entities/search" : "/v1/blueprints/" + segment(blueprint) + "/entities/search";
        CatalogResponse response = api.send("POST", path, body, null);
        if (!response.ok()) throw CatalogApiException.of("Searching " + path, response);
        List<String> identifiers = new ArrayList<>();
        response.body().path("entities").forEach(e -> identifiers.add(e.path("identifier").asText()));
        return identifiers;
    }

    @Override
    public OwnedPage ownedEntities(String datasource, String cursor, int limit) {
        ObjectNode body = Json.object();
        ObjectNode query = body.putObject("query").put("combinator", "and");
        query.putArray("rules").addObject().put("property", "$datasource").put("operator", "=").put("value", datasource);
        body.putArray("include").add("identifier").add("blueprint").add("updatedAt");
        body.put("limit", Math.max(1, Math.min(limit, MAX_SEARCH)));
        if (cursor != null) body.put("from", cursor);
        CatalogResponse response = api.send("POST", "/v1/entities/search", body, null);
        if (!response.ok()) throw CatalogApiException.of("Listing the entities of " + datasource, response);
        List<OwnedEntity> entities = new ArrayList<>();
        for (JsonNode e : response.body().path("entities")) {
            Instant updatedAt = e.hasNonNull("updatedAt") ? Instant.parse(e.get("updatedAt").asText()) : null;
            entities.add(new OwnedEntity(e.path("blueprint").asText(), e.path("identifier").asText(), updatedAt));
        }
        return new OwnedPage(entities, response.body().hasNonNull("next") ? response.body().get("next").asText() : null);
    }

    @Override
    public DeleteResult delete(String blueprint, List<String> identifiers, boolean deleteDependents) {
        CatalogResponse batch = deleteRequest(blueprint, identifiers, deleteDependents);
        if (batch.ok()) return new DeleteResult(batch.body().path("deletedEntities").size(), List.of());
        if (batch.status() >= 500 || batch.status() == 429) throw CatalogApiException.of("Deleting entities of " + blueprint, batch);
        // One entity of the batch blocks it (a dependent, or gone already): delete one by one.
        int deleted = 0;
        List<String> errors = new ArrayList<>();
        for (String identifier : identifiers) {
            CatalogResponse one = deleteRequest(blueprint, List.of(identifier), deleteDependents);
            if (one.ok()) deleted += one.body().path("deletedEntities").size();
            else if (one.status() != 404) errors.add(blueprint + "/" + identifier + ": " + one.message());
        }
        return new DeleteResult(deleted, errors);
    }

    private CatalogResponse deleteRequest(String blueprint, List<String> identifiers, boolean deleteDependents) {
        ObjectNode body = Json.object();
        ArrayNode ids = body.putArray("entities");
        identifiers.forEach(ids::add);
        return api.send("POST", "/v1/blueprints/" + segment(blueprint) + "/bulk/entities/delete?delete_dependents=" + deleteDependents,
                body, integration);
    }
}
