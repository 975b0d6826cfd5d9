package dev.portolan.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.portolan.catalog.json.Json;
import dev.portolan.catalog.search.SearchPage;
import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A response of every entity of a result, as Port answers some reads in one document
 * ({@code {ok, entities, matchingBlueprints?}}), written page by page as the pages are read: the
 * server holds one page at a time, never the whole result.
 * <p>
 * The first page is read before anything is written, so a read the catalog refuses still gets its
 * error status. A page after it that fails cannot change the status any more, and closing the JSON
 * then would hand the client a valid but short answer, which Ocean would take as all it owns (and
 * delete the rest). So the connection is closed under the response instead: the body never ends,
 * and every HTTP client reports an incomplete transfer. The failure is logged.
 */
final class StreamedEntities {

    private static final Logger LOG = LoggerFactory.getLogger(StreamedEntities.class);

    /** One page of the result: {@code from} is null for the first, then the previous page's {@code next}. */
    interface Pages {
        SearchPage read(String from);
    }

    private final Pages pages;
    private final EntityProjection projection;
    private final boolean withMatchingBlueprints;

    /** @param withMatchingBlueprints whether the document ends with {@code matchingBlueprints} (search does, a listing does not) */
    StreamedEntities(Pages pages, EntityProjection projection, boolean withMatchingBlueprints) {
        this.pages = pages;
        this.projection = projection;
        this.withMatchingBlueprints = withMatchingBlueprints;
    }

    void send(Context ctx) {
        SearchPage page = pages.read(null);
        ctx.status(200).contentType("application/json");
        long written = 0;
        try {
            JsonGenerator out = Json.MAPPER.getFactory().createGenerator(ctx.outputStream());
            out.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT); // a failure must never end the document
            Set<String> blueprints = new LinkedHashSet<>();
            out.writeStartObject();
            out.writeBooleanField("ok", true);
            out.writeArrayFieldStart("entities");
            while (true) {
                for (var entity : page.entities()) {
                    out.writeTree(projection.apply(entity));
                    blueprints.add(entity.blueprint());
                    written++;
                }
                if (page.next() == null) break;
                page = pages.read(page.next());
            }
            out.writeEndArray();
            if (withMatchingBlueprints) {
                out.writeArrayFieldStart("matchingBlueprints");
                for (String blueprint : blueprints) out.writeString(blueprint);
                out.writeEndArray();
            }
            out.writeEndObject();
            out.close();
        } catch (IOException e) {
            LOG.info("{} {}: the client went away after {} entities ({})", ctx.method(), ctx.path(), written, e.toString());
            abort(ctx);
        } catch (RuntimeException e) {
            LOG.error("{} {}: reading the result failed after {} entities were written; the response is aborted so the "
                    + "client sees an incomplete answer, not a short one", ctx.method(), ctx.path(), written, e);
            abort(ctx);
        }
    }

    /**
     * Closes the connection under the response without ending it: what was sent stays visibly
     * incomplete (and when nothing was flushed yet, no answer comes at all). Closing the connection
     * rather than aborting the response leaves Javalin's request state intact for it to finish.
     */
    private static void abort(Context ctx) {
        ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection().getEndPoint().close();
    }
}
