package dev.portolan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.json.Json;
import dev.portolan.catalog.search.Query;
import dev.portolan.catalog.search.QueryParser;
import dev.portolan.catalog.search.SearchPage;
import dev.portolan.catalog.search.SearchRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Search. {@code POST /v1/entities/search} takes the query itself as the body (Port's shape), or
 * {@code {query, limit, from}}; {@code POST /v1/blueprints/{blueprint}/entities/search} takes
 * {@code {query, include, exclude, limit, from}}. {@code limit} and {@code from} may also be
 * query parameters. The response's {@code next} is the {@code from} of the following page.
 */
public final class SearchRoutes {

    private final CatalogService catalog;
    private final Requests requests;

    public SearchRoutes(CatalogService catalog, Requests requests) {
        this.catalog = catalog;
        this.requests = requests;
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/entities/search", ctx -> search(ctx, null));
        routes.post("/v1/blueprints/{blueprint}/entities/search", ctx -> search(ctx, ctx.pathParam("blueprint")));
        routes.post("/v1/blueprints/entities/datasource-entities", this::datasourceEntities);
    }

    /**
     * Current Ocean's reconciliation: the entities whose datasource (the {@code User-Agent} that
     * wrote them) begins with {@code datasource_prefix} and ends with {@code datasource_suffix},
     * as {@code {identifier, blueprint}}, a page at a time ({@code limit}, {@code from} = the previous {@code next}).
     */
    private void datasourceEntities(Context ctx) {
        JsonNode body = requests.json(ctx);
        String prefix = body.path("datasource_prefix").asText("");
        String suffix = body.path("datasource_suffix").asText("");
        if (!body.path("datasource_prefix").isTextual() || prefix.isEmpty()) {
            throw ApiException.badRequest("The body must be {\"datasource_prefix\": \"port-ocean/<type>/\", \"datasource_suffix\"?: \"/<identifier>/<role>\"}");
        }
        ArrayNode rules = Json.array();
        rules.addObject().put("property", "$datasource").put("operator", "beginsWith").put("value", prefix);
        if (!suffix.isEmpty()) rules.addObject().put("property", "$datasource").put("operator", "endsWith").put("value", suffix);
        ObjectNode queryJson = Json.object().put("combinator", "and");
        queryJson.set("rules", rules);
        int limit = bodyOrParamInt(ctx, body, "limit", SearchRequest.MAX_LIMIT);
        String from = body.hasNonNull("from") ? body.get("from").asText() : null;
        SearchPage page = catalog.entities().search(new SearchRequest(null, QueryParser.parse(queryJson), limit, from));
        ObjectNode response = Responses.ok();
        ArrayNode entities = response.putArray("entities");
        page.entities().forEach(e -> entities.addObject().put("identifier", e.identifier()).put("blueprint", e.blueprint()));
        response.put("next", page.next());
        Responses.send(ctx, response);
    }

    private void search(Context ctx, String blueprint) {
        JsonNode body = requests.optionalJson(ctx);
        if (body != null && !body.isObject()) throw ApiException.badRequest("The body must be a JSON object");
        boolean bare = body != null && body.has("combinator");
        // A bare query may carry limit and from beside combinator and rules (clients of Port's newer API do).
        ObjectNode paging = bare ? Json.object() : (ObjectNode) body;
        JsonNode queryJson = bare ? withoutPaging((ObjectNode) body, paging) : body == null ? null : body.get("query");
        Query query = queryJson == null || queryJson.isNull() ? Query.matchAll() : QueryParser.parse(queryJson);
        int limit = bodyOrParamInt(ctx, paging, "limit", SearchRequest.DEFAULT_LIMIT);
        String from = paging == null || !paging.hasNonNull("from") ? ctx.queryParam("from") : paging.get("from").asText();
        EntityProjection projection = projection(ctx, bare ? null : body);
        if (bare && blueprint == null && !paging.has("limit") && ctx.queryParam("limit") == null && from == null) {
            // Port answers a bare query with every match at once, and Ocean 0.12 reads that one answer to find
            // what it owns (it follows no cursor): so every match, streamed.
            new StreamedEntities(next -> catalog.entities().search(new SearchRequest(null, query, SearchRequest.MAX_LIMIT, next)),
                    projection, true).send(ctx);
            return;
        }

        SearchPage page = catalog.entities().search(new SearchRequest(blueprint, query, limit, from));
        ObjectNode response = Responses.ok();
        ArrayNode entities = response.putArray("entities");
        Set<String> blueprints = new LinkedHashSet<>();
        page.entities().forEach(e -> {
            entities.add(projection.apply(e));
            blueprints.add(e.blueprint());
        });
        if (blueprint == null) {
            ArrayNode matching = response.putArray("matchingBlueprints");
            blueprints.forEach(matching::add);
        }
        if (page.next() != null) response.put("next", page.next());
        Responses.send(ctx, response);
    }

    /** The query without {@code limit} and {@code from}, which go to {@code paging}. */
    private static ObjectNode withoutPaging(ObjectNode body, ObjectNode paging) {
        ObjectNode query = body.deepCopy();
        for (String field : new String[] {"limit", "from"}) {
            JsonNode value = query.remove(field);
            if (value != null) paging.set(field, value);
        }
        return query;
    }

    private static int bodyOrParamInt(Context ctx, JsonNode body, String field, int defaultValue) {
        if (body != null && body.has(field)) {
            JsonNode value = body.get(field);
            if (!value.canConvertToExactIntegral() || value.asLong() < 1 || value.asLong() > SearchRequest.MAX_LIMIT) {
                throw ApiException.badRequest("'" + field + "' must be a whole number from 1 to " + SearchRequest.MAX_LIMIT + ", got " + value);
            }
            return value.asInt();
        }
        return Requests.integer(ctx, field, defaultValue, 1, SearchRequest.MAX_LIMIT);
    }

    private static EntityProjection projection(Context ctx, JsonNode body) {
        EntityProjection fromParams = EntityRoutes.projection(ctx);
        if (body == null) return fromParams;
        return new EntityProjection(strings(body.get("include"), fromParams.include()), strings(body.get("exclude"), fromParams.exclude()));
    }

    private static java.util.List<String> strings(JsonNode array, java.util.List<String> fallback) {
        if (array == null || array.isNull()) return fallback;
        if (!array.isArray()) throw ApiException.badRequest("'include' and 'exclude' must be arrays of paths such as \"properties.url\"");
        java.util.List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
