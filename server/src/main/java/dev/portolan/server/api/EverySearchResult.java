package dev.portolan.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.portolan.catalog.CatalogService;
import dev.portolan.catalog.json.Json;
import dev.portolan.catalog.search.Query;
import dev.portolan.catalog.search.SearchPage;
import dev.portolan.catalog.search.SearchRequest;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Port's {@code POST /v1/entities/search} with a bare query answers every match at once, and Ocean
 * 0.12 reads that one answer to find what it owns (it follows no cursor). So that query, asked
 * without {@code limit} or {@code from}, answers every match, written page by page as it is read:
 * the server holds one page at a time, never the whole result. The first page is read before
 * anything is written, so a query the catalog refuses still gets its error status.
 */
final class EverySearchResult {

    private final CatalogService catalog;
    private final Query query;
    private final EntityProjection projection;

    EverySearchResult(CatalogService catalog, Query query, EntityProjection projection) {
        this.catalog = catalog;
        this.query = query;
        this.projection = projection;
    }

    void send(Context ctx) {
        SearchPage page = catalog.entities().search(new SearchRequest(null, query, SearchRequest.MAX_LIMIT, null));
        ctx.status(200).contentType("application/json");
        Set<String> blueprints = new LinkedHashSet<>();
        try (JsonGenerator out = Json.MAPPER.getFactory().createGenerator(ctx.outputStream())) {
            out.writeStartObject();
            out.writeBooleanField("ok", true);
            out.writeArrayFieldStart("entities");
            while (true) {
                for (var entity : page.entities()) {
                    out.writeTree(projection.apply(entity));
                    blueprints.add(entity.blueprint());
                }
                if (page.next() == null) break;
                page = catalog.entities().search(new SearchRequest(null, query, SearchRequest.MAX_LIMIT, page.next()));
            }
            out.writeEndArray();
            out.writeArrayFieldStart("matchingBlueprints");
            for (String blueprint : blueprints) out.writeString(blueprint);
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
