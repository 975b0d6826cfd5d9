package dev.portolan.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.Actor;
import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.json.Json;
import dev.portolan.catalog.search.Query;
import dev.portolan.catalog.search.QueryParser;
import dev.portolan.catalog.search.SearchPage;
import dev.portolan.catalog.search.SearchRequest;
import dev.portolan.catalog.integration.OceanUserAgent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entities an Ocean integration wrote: their datasource is its {@code User-Agent}
 * ({@link OceanUserAgent}), whatever version wrote them. Uninstalling it with
 * {@code delete_entities=true} deletes them, as uninstalling a hosted integration deletes what it owns.
 */
public final class OceanOwnedEntities {

    private final CatalogService catalog;

    public OceanOwnedEntities(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** Deletes them (with their dependents), a page at a time; returns how many entities were deleted. */
    int delete(String integration, Actor actor) {
        Query query = query(integration);
        int deleted = 0;
        String from = null;
        do {
            SearchPage page = catalog.entities().search(new SearchRequest(null, query, SearchRequest.MAX_LIMIT, from));
            for (var entry : ownedByBlueprint(page.entities(), integration).entrySet()) {
                try {
                    deleted += catalog.entities().delete(entry.getKey(), entry.getValue(), true, actor).size();
                } catch (CatalogException e) {
                    if (e.problem() != CatalogException.Problem.NOT_FOUND) throw e; // gone already, as a dependent of an earlier page
                }
            }
            from = page.next();
        } while (from != null);
        return deleted;
    }

    /** Candidates by the database; the exact integration segment is checked in {@link #ownedByBlueprint}. */
    private static Query query(String integration) {
        ObjectNode json = Json.object().put("combinator", "and");
        var rules = json.putArray("rules");
        rules.addObject().put("property", "$datasource").put("operator", "beginsWith").put("value", "port-ocean/");
        rules.addObject().put("property", "$datasource").put("operator", "contains").put("value", "/" + integration + "/");
        return QueryParser.parse(json);
    }

    private static Map<String, List<String>> ownedByBlueprint(List<Entity> entities, String integration) {
        Map<String, List<String>> byBlueprint = new LinkedHashMap<>();
        for (Entity entity : entities) {
            boolean owned = OceanUserAgent.parse(entity.datasource()).map(a -> a.integration().equals(integration)).orElse(false);
            if (owned) byBlueprint.computeIfAbsent(entity.blueprint(), b -> new ArrayList<>()).add(entity.identifier());
        }
        return byBlueprint;
    }
}
