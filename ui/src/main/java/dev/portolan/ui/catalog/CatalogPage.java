package dev.portolan.ui.catalog;

import dev.portolan.catalog.CatalogException;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.entity.Entity;
import dev.portolan.catalog.search.Operator;
import dev.portolan.catalog.search.SearchPage;
import dev.portolan.ui.UiServices;
import dev.portolan.ui.web.Frame;
import dev.portolan.ui.web.Links;
import dev.portolan.ui.web.Section;
import dev.portolan.ui.web.Templates;
import dev.portolan.ui.web.UiRoutes;
import dev.portolan.ui.web.Words;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /catalog/{blueprint}}: a blueprint's entities as a table. Search, filters, sort and
 * paging all run in the database through {@link CatalogSearch}; an htmx request (typing in the
 * search box) gets only the results partial, which the full page includes too.
 */
public final class CatalogPage {

    private final UiServices services;
    private final Templates templates;
    private final CatalogSearch search;

    public CatalogPage(UiServices services, Templates templates) {
        this.services = services;
        this.templates = templates;
        this.search = new CatalogSearch(services.catalog().entities());
    }

    public void register(UiRoutes routes) {
        routes.get("/catalog", this::index);
        routes.get("/catalog/{blueprint}", this::show);
        routes.get("/catalog/{blueprint}/export.csv", ctx -> export(ctx, CatalogExport.Format.CSV));
        routes.get("/catalog/{blueprint}/export.json", ctx -> export(ctx, CatalogExport.Format.JSON));
    }

    private void index(Context ctx) {
        List<Blueprint> blueprints = services.catalog().blueprints().list();
        if (!blueprints.isEmpty()) {
            ctx.redirect(Links.catalog(blueprints.getFirst().identifier()));
            return;
        }
        ctx.redirect("/");
    }

    private void show(Context ctx) {
        Blueprint blueprint = services.catalog().blueprints().get(ctx.pathParam("blueprint"));
        CatalogQuery query = CatalogQuery.of(ctx);
        List<CatalogColumn> all = CatalogColumn.all(blueprint);
        List<CatalogColumn> shown = shownColumns(all, query);
        SearchPage page;
        String error = null;
        try {
            page = search.page(blueprint, query);
        } catch (CatalogException | IllegalArgumentException e) {
            page = new SearchPage(List.of(), null);
            error = CatalogSearch.explain(e);
        }
        CatalogView view = view(blueprint, query, all, shown, page, error);
        if (UiRoutes.isHtmx(ctx)) {
            templates.render(ctx, "catalog/_results.jte", Map.of("view", view));
        } else {
            templates.page(ctx, "catalog/page.jte", Frame.of(ctx, view.title(), Section.CATALOG), view);
        }
    }

    private void export(Context ctx, CatalogExport.Format format) {
        Blueprint blueprint = services.catalog().blueprints().get(ctx.pathParam("blueprint"));
        CatalogQuery query = CatalogQuery.of(ctx);
        List<CatalogColumn> shown = shownColumns(CatalogColumn.all(blueprint), query);
        new CatalogExport(search, blueprint, query, shown).write(ctx, format);
    }

    static List<CatalogColumn> shownColumns(List<CatalogColumn> all, CatalogQuery query) {
        if (query.columns().isEmpty()) return CatalogColumn.defaults(all);
        Set<String> keys = Set.copyOf(query.columns());
        return all.stream().filter(c -> keys.contains(c.key())).toList();
    }

    private CatalogView view(Blueprint blueprint, CatalogQuery query, List<CatalogColumn> all, List<CatalogColumn> shown,
                             SearchPage page, String error) {
        String base = Links.catalog(blueprint.identifier());
        List<CatalogView.Header> headers = new ArrayList<>();
        headers.add(header(base, query, "$title", "Title", true));
        shown.forEach(c -> headers.add(header(base, query, c.key(), c.title(), c.sortable())));
        List<CatalogView.Row> rows = page.entities().stream().map(e -> row(blueprint, shown, e)).toList();
        Set<String> shownKeys = shown.stream().map(CatalogColumn::key).collect(java.util.stream.Collectors.toSet());
        List<CatalogView.Choice> choices = all.stream().map(c -> new CatalogView.Choice(c.key(), c.title(), shownKeys.contains(c.key()))).toList();
        List<CatalogView.FilterRow> filterRows = new ArrayList<>();
        for (int i = 0; i < query.filters().size(); i++) {
            filterRows.add(new CatalogView.FilterRow(query.filters().get(i), base + query.withoutFilter(i).queryString()));
        }
        filterRows.add(new CatalogView.FilterRow(new CatalogFilter("", "=", ""), null));
        List<CatalogView.Option> properties = new ArrayList<>();
        properties.add(new CatalogView.Option("$title", "Title"));
        all.forEach(c -> properties.add(new CatalogView.Option(c.key(), c.title())));
        List<CatalogView.Option> operators = Arrays.stream(Operator.values()).filter(o -> o != Operator.BETWEEN && o != Operator.NOT_BETWEEN)
                .map(o -> new CatalogView.Option(o.wire(), o.wire())).toList();
        String exportQuery = query.restart().queryString();
        return new CatalogView(blueprint.identifier(), Words.titleOf(blueprint.title(), blueprint.identifier()),
                blueprint.description(), query, headers, rows, choices, filterRows, properties, operators,
                page.next() == null ? null : base + query.withFrom(page.next()).queryString(),
                query.from() == null ? null : base + query.restart().queryString(),
                base + "/export.csv" + exportQuery, base + "/export.json" + exportQuery,
                query.isFiltered() ? base : null, error);
    }

    private static CatalogView.Header header(String base, CatalogQuery query, String key, String title, boolean sortable) {
        String state = key.equals(query.sort()) ? (query.descending() ? "desc" : "asc") : null;
        return new CatalogView.Header(key, title, sortable ? base + query.sortedBy(key).queryString() : null, state);
    }

    private static CatalogView.Row row(Blueprint blueprint, List<CatalogColumn> shown, Entity entity) {
        return new CatalogView.Row(entity.identifier(), Words.titleOf(entity.title(), entity.identifier()),
                Links.entity(blueprint.identifier(), entity.identifier()),
                shown.stream().map(c -> CatalogCells.cell(blueprint, c, entity)).toList());
    }
}
