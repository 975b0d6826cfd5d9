package dev.portolan.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.json.Json;
import dev.portolan.catalog.search.Query;
import dev.portolan.catalog.search.SearchPage;
import dev.portolan.catalog.search.SearchRequest;
import io.javalin.http.Context;

import java.io.IOException;

/**
 * {@code GET /v1/blueprints/{blueprint}/entities}: every entity of a blueprint, as Port returns
 * them, in one response. Written page by page as it is read, so a blueprint of any size is listed
 * in flat memory.
 */
final class EntityListing {

    private static final int PAGE = 1000;

    private final CatalogService catalog;

    EntityListing(CatalogService catalog) {
        this.catalog = catalog;
    }

    void list(Context ctx) throws IOException {
        String blueprint = ctx.pathParam("blueprint");
        EntityProjection projection = EntityRoutes.projection(ctx);
        // The first page is read before anything is written, so that a 404 is still a clean error.
        SearchPage page = catalog.entities().search(new SearchRequest(blueprint, Query.matchAll(), PAGE, null));
        ctx.status(200).contentType("application/json");
        try (JsonGenerator out = Json.MAPPER.getFactory().createGenerator(ctx.outputStream())) {
            out.writeStartObject();
            out.writeBooleanField("ok", true);
            out.writeArrayFieldStart("entities");
            while (true) {
                for (Entity entity : page.entities()) Json.MAPPER.writeTree(out, projection.apply(entity));
                if (page.next() == null) break;
                page = catalog.entities().search(new SearchRequest(blueprint, Query.matchAll(), PAGE, page.next()));
            }
            out.writeEndArray();
            out.writeEndObject();
        }
    }
}
