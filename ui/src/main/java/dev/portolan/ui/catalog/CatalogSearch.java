package dev.portolan.ui.catalog;

import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.Violation;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.entity.EntityService;
import dev.portolan.catalog.search.QueryParser;
import dev.portolan.catalog.search.SearchPage;
import dev.portolan.catalog.search.SearchRequest;
import dev.portolan.catalog.search.SearchSort;

import java.util.stream.Collectors;

/**
 * Runs a catalog page's search through the entity service, exactly as {@code POST
 * /v1/blueprints/{id}/entities/search} does: the URL state becomes Port's query JSON, read by the
 * same parser, run in the database with keyset paging.
 */
final class CatalogSearch {

    private final EntityService entities;

    CatalogSearch(EntityService entities) {
        this.entities = entities;
    }

    SearchPage page(Blueprint blueprint, CatalogQuery query) {
        return page(blueprint, query, query.size(), query.from());
    }

    SearchPage page(Blueprint blueprint, CatalogQuery query, int limit, String from) {
        SearchSort sort = query.sort() == null ? null : new SearchSort(query.sort(), query.descending());
        return entities.search(new SearchRequest(blueprint.identifier(), QueryParser.parse(query.searchJson(blueprint)),
                limit, from, sort));
    }

    /** Why a search was refused, in one sentence with each problem at its place. */
    static String explain(RuntimeException e) {
        if (e instanceof CatalogException c && !c.violations().isEmpty()) {
            return c.getMessage() + ": " + c.violations().stream().map(Violation::toString).collect(Collectors.joining("; "));
        }
        return e.getMessage();
    }
}
