package dev.portolan.server.api;

import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.search.Query;
import dev.portolan.catalog.search.SearchRequest;
import io.javalin.http.Context;

/**
 * {@code GET /v1/blueprints/{blueprint}/entities}: every entity of a blueprint, as Port returns
 * them, in one response. Written page by page as it is read ({@link StreamedEntities}), so a
 * blueprint of any size is listed in flat memory.
 */
final class EntityListing {

    private static final int PAGE = 1000;

    private final CatalogService catalog;

    EntityListing(CatalogService catalog) {
        this.catalog = catalog;
    }

    void list(Context ctx) {
        String blueprint = ctx.pathParam("blueprint");
        new StreamedEntities(from -> catalog.entities().search(new SearchRequest(blueprint, Query.matchAll(), PAGE, from)),
                EntityRoutes.projection(ctx), false).send(ctx);
    }
}
