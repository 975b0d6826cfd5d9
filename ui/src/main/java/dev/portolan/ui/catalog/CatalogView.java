package dev.portolan.ui.catalog;

import dev.portolan.ui.values.ShownValue;

import java.util.List;

/**
 * A catalog page: one blueprint's entities as a table, with the search, filters, sort, columns and
 * paging of its URL ({@link CatalogQuery}). All links are ready-made paths.
 *
 * @param error why the search was refused (a filter that does not fit), or null
 */
public record CatalogView(String blueprint, String title, String description, CatalogQuery query,
                          List<Header> headers, List<Row> rows, List<Choice> columnChoices, List<FilterRow> filterRows,
                          List<Option> filterProperties, List<Option> operators, String nextHref, String firstHref,
                          String csvHref, String jsonHref, String resetHref, String error) {

    /** A column header: its sort link and state ({@code asc}, {@code desc}, or null when not sorted by it). */
    public record Header(String key, String title, String sortHref, String sortState) {}

    public record Row(String identifier, String title, String href, List<ShownValue> cells) {}

    /** A column the reader may show or hide. */
    public record Choice(String key, String title, boolean shown) {}

    /** A filter of the form, with the link that removes it ({@code removeHref} null for the empty new row). */
    public record FilterRow(CatalogFilter filter, String removeHref) {}

    public record Option(String value, String label) {}

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
