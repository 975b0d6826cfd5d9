package dev.portolan.ui.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.blueprint.Blueprint;
import dev.portolan.catalog.blueprint.PropertyDefinition;
import dev.portolan.catalog.json.Json;
import dev.portolan.catalog.search.Operator;
import dev.portolan.ui.web.Links;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The whole state of a catalog page, read from and written to its URL (so a page can be shared
 * and the back button works): free text {@code q}; filters {@code fp}/{@code fo}/{@code fv}
 * combined by {@code c} ({@code and}|{@code or}); {@code sort} and {@code dir}; the shown columns
 * {@code col}; the page: {@code from} (keyset cursor), {@code page} (its number, for display) and
 * {@code size}.
 */
public record CatalogQuery(String text, List<CatalogFilter> filters, String combinator, String sort, boolean descending,
                           List<String> columns, String from, int page, int size) {

    public static final List<Integer> SIZES = List.of(25, 50, 100);
    private static final Set<String> LIST_OPERATORS = Set.of("in", "notIn", "containsAny");

    public static CatalogQuery of(Context ctx) {
        List<String> fp = ctx.queryParams("fp");
        List<String> fo = ctx.queryParams("fo");
        List<String> fv = ctx.queryParams("fv");
        List<CatalogFilter> filters = new ArrayList<>();
        for (int i = 0; i < fp.size(); i++) {
            CatalogFilter filter = new CatalogFilter(fp.get(i).trim(), i < fo.size() ? fo.get(i) : "=", i < fv.size() ? fv.get(i) : "");
            if (!filter.isBlank()) filters.add(filter);
        }
        int size = parseInt(ctx.queryParam("size"), 50);
        int page = Math.max(1, parseInt(ctx.queryParam("page"), 1));
        return new CatalogQuery(trimmed(ctx.queryParam("q")), List.copyOf(filters),
                "or".equals(ctx.queryParam("c")) ? "or" : "and", trimmed(ctx.queryParam("sort")),
                "desc".equals(ctx.queryParam("dir")), ctx.queryParams("col").stream().filter(c -> !c.isBlank()).toList(),
                trimmed(ctx.queryParam("from")), page, SIZES.contains(size) ? size : 50);
    }

    /** The search rules of this state as Port's query JSON, for {@code QueryParser} (so the API's checks apply). */
    public ObjectNode searchJson(Blueprint blueprint) {
        ObjectNode query = Json.object().put("combinator", "and");
        ArrayNode rules = query.putArray("rules");
        if (text != null) {
            ObjectNode anyOf = rules.addObject().put("combinator", "or");
            anyOf.putArray("rules")
                    .add(Json.object().put("property", "$title").put("operator", "contains").put("value", text))
                    .add(Json.object().put("property", "$identifier").put("operator", "contains").put("value", text));
        }
        if (!filters.isEmpty()) {
            ObjectNode chosen = rules.addObject().put("combinator", combinator);
            ArrayNode chosenRules = chosen.putArray("rules");
            for (CatalogFilter filter : filters) {
                ObjectNode rule = chosenRules.addObject().put("property", filter.property()).put("operator", filter.operator());
                boolean unary = Operator.fromWire(filter.operator()).map(Operator::isUnary).orElse(false);
                if (!unary) rule.set("value", typed(blueprint, filter));
            }
        }
        return query;
    }

    /** The value as the property's type wants it: numbers and booleans as such, lists split at commas. */
    private static JsonNode typed(Blueprint blueprint, CatalogFilter filter) {
        if (LIST_OPERATORS.contains(filter.operator())) {
            ArrayNode values = Json.MAPPER.createArrayNode();
            for (String part : filter.value().split(",")) {
                if (!part.isBlank()) values.add(scalar(blueprint, filter.property(), part.trim()));
            }
            return values;
        }
        return scalar(blueprint, filter.property(), filter.value());
    }

    private static JsonNode scalar(Blueprint blueprint, String property, String value) {
        PropertyDefinition definition = blueprint.properties().definitions().get(property);
        String type = definition == null ? "string" : String.valueOf(definition.type());
        try {
            if (type.equals("number")) return Json.MAPPER.getNodeFactory().numberNode(new java.math.BigDecimal(value.trim()));
            if (type.equals("integer")) return Json.MAPPER.getNodeFactory().numberNode(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            // left as text: the search then says the value does not fit the property
        }
        if (type.equals("boolean") && (value.equals("true") || value.equals("false"))) {
            return Json.MAPPER.getNodeFactory().booleanNode(Boolean.parseBoolean(value));
        }
        return Json.MAPPER.getNodeFactory().textNode(value);
    }

    public boolean isFiltered() {
        return text != null || !filters.isEmpty();
    }

    // ---- links: this state with one thing changed -----------------------------------------------

    /** The query string of this state ({@code ?...}, or empty). */
    public String queryString() {
        List<String> parts = new ArrayList<>();
        if (text != null) parts.add("q=" + Links.param(text));
        for (CatalogFilter f : filters) {
            parts.add("fp=" + Links.param(f.property()));
            parts.add("fo=" + Links.param(f.operator()));
            parts.add("fv=" + Links.param(f.value()));
        }
        if (filters.size() > 1 && combinator.equals("or")) parts.add("c=or");
        if (sort != null) parts.add("sort=" + Links.param(sort));
        if (sort != null && descending) parts.add("dir=desc");
        columns.forEach(c -> parts.add("col=" + Links.param(c)));
        if (size != 50) parts.add("size=" + size);
        if (from != null) {
            parts.add("from=" + Links.param(from));
            parts.add("page=" + page);
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private CatalogQuery firstPage() {
        return new CatalogQuery(text, filters, combinator, sort, descending, columns, null, 1, size);
    }

    public CatalogQuery withFrom(String cursor) {
        return new CatalogQuery(text, filters, combinator, sort, descending, columns, cursor, page + 1, size);
    }

    public CatalogQuery restart() {
        return firstPage();
    }

    /** Sorted by {@code column}: ascending first, descending when it already sorts ascending. */
    public CatalogQuery sortedBy(String column) {
        boolean desc = column.equals(sort) && !descending;
        return new CatalogQuery(text, filters, combinator, column, desc, columns, null, 1, size);
    }

    public CatalogQuery withoutFilter(int index) {
        List<CatalogFilter> rest = new ArrayList<>(filters);
        rest.remove(index);
        return new CatalogQuery(text, List.copyOf(rest), combinator, sort, descending, columns, null, 1, size);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
