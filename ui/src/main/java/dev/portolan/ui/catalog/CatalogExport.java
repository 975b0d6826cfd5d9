package dev.portolan.ui.catalog;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.entity.EntityJson;
import dev.portolan.catalog.json.Json;
import dev.portolan.catalog.search.SearchPage;
import dev.portolan.catalog.search.SearchRequest;
import io.javalin.http.Context;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The whole result of a catalog page's search (every page, not only the one shown), streamed:
 * one database page of {@value #BATCH} entities at a time is written and flushed, so an export of
 * a million entities never sits in memory. CSV has the shown columns; JSON has whole entities as
 * the API returns them.
 */
final class CatalogExport {

    enum Format { CSV, JSON }

    private static final int BATCH = SearchRequest.MAX_LIMIT;

    private final CatalogSearch search;
    private final Blueprint blueprint;
    private final CatalogQuery query;
    private final List<CatalogColumn> columns;

    CatalogExport(CatalogSearch search, Blueprint blueprint, CatalogQuery query, List<CatalogColumn> columns) {
        this.search = search;
        this.blueprint = blueprint;
        this.query = query;
        this.columns = columns;
    }

    void write(Context ctx, Format format) {
        // Refused queries fail here, before the first byte, and get the error page.
        SearchPage first = search.page(blueprint, query, BATCH, null);
        String name = blueprint.identifier() + (format == Format.CSV ? ".csv" : ".json");
        ctx.contentType(format == Format.CSV ? "text/csv; charset=utf-8" : "application/json");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(ctx.res().getOutputStream(), StandardCharsets.UTF_8))) {
            if (format == Format.CSV) csv(out, first);
            else json(out, first);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void csv(Writer out, SearchPage page) throws IOException {
        StringBuilder head = new StringBuilder("identifier,title");
        for (CatalogColumn c : columns) {
            if (!c.key().equals("$identifier")) head.append(',').append(Csv.field(c.title()));
        }
        out.write(head.append("\r\n").toString());
        for (SearchPage p = page; ; p = search.page(blueprint, query, BATCH, p.next())) {
            for (Entity e : p.entities()) {
                StringBuilder line = new StringBuilder(Csv.field(e.identifier())).append(',').append(Csv.field(e.title()));
                for (CatalogColumn c : columns) {
                    if (!c.key().equals("$identifier")) line.append(',').append(Csv.field(CatalogCells.cell(blueprint, c, e).plain()));
                }
                out.write(line.append("\r\n").toString());
            }
            out.flush();
            if (p.next() == null) return;
        }
    }

    private void json(Writer out, SearchPage page) throws IOException {
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            json.writeStartArray();
            for (SearchPage p = page; ; p = search.page(blueprint, query, BATCH, p.next())) {
                for (Entity e : p.entities()) json.writeTree(EntityJson.write(e));
                json.flush();
                if (p.next() == null) break;
            }
            json.writeEndArray();
        }
    }
}
