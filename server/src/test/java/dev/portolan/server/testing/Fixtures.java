package dev.portolan.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.json.Json;

/**
 * Catalog content for API tests, created through the API as the admin. Bodies are relaxed JSON
 * ({@link ApiClient}); blueprints get unique identifiers ({@link Ids}).
 */
public final class Fixtures {

    private Fixtures() {}

    /** Creates a blueprint {@code body} (without identifier) under a new identifier starting with {@code prefix}. */
    public static String blueprint(ApiServer server, String prefix, String body) {
        String identifier = Ids.unique(prefix);
        ObjectNode json = ((ObjectNode) ApiClient.json(body)).deepCopy();
        json.put("identifier", identifier);
        server.admin().post("/v1/blueprints", json).expect(201);
        return identifier;
    }

    /** A blueprint without properties or relations. */
    public static String blueprint(ApiServer server, String prefix) {
        return blueprint(server, prefix, "{}");
    }

    /** Creates one entity (201) and returns it as the API answered. */
    public static JsonNode entity(ApiServer server, String blueprint, String body) {
        return server.admin().post(entitiesPath(blueprint), body).expect(201).get("entity");
    }

    /** Creates entities in one bulk request, all of which must succeed. */
    public static void entities(ApiServer server, String blueprint, String... bodies) {
        ArrayNode entities = Json.array();
        for (String body : bodies) entities.add(ApiClient.json(body));
        ObjectNode request = Json.object();
        request.set("entities", entities);
        server.admin().post(entitiesPath(blueprint) + "/bulk", request).expect(200);
    }

    /** The entity as {@code GET} returns it (200 required). */
    public static JsonNode get(ApiServer server, String blueprint, String identifier) {
        return server.admin().get(entityPath(blueprint, identifier)).expect(200).get("entity");
    }

    /** {@code GET .../entities-count}. */
    public static long count(ApiServer server, String blueprint) {
        return server.admin().get("/v1/blueprints/" + blueprint + "/entities-count").expect(200).get("count").asLong();
    }

    /** The audit rows of a blueprint and its entities, newest first (up to 1000). */
    public static JsonNode audits(ApiServer server, String blueprint) {
        return server.admin().get("/v1/audit-log?limit=1000&blueprint=" + ApiClient.encode(blueprint)).expect(200).get("audits");
    }

    public static String entitiesPath(String blueprint) {
        return "/v1/blueprints/" + blueprint + "/entities";
    }

    public static String entityPath(String blueprint, String identifier) {
        return entitiesPath(blueprint) + "/" + ApiClient.encode(identifier);
    }
}
