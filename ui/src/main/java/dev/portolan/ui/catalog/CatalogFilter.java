package dev.portolan.ui.catalog;

/**
 * One filter of a catalog page, as the URL holds it ({@code fp}, {@code fo}, {@code fv}): a
 * property (or meta-property such as {@code $title}), a search operator and a value as typed.
 */
public record CatalogFilter(String property, String operator, String value) {

    public boolean isBlank() {
        return property == null || property.isBlank();
    }
}
